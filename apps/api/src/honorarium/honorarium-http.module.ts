import { Module } from '@nestjs/common';
import { HonorariumModule } from '@app/honorarium';
import { GuidelinesController } from './guidelines.controller';

@Module({ imports: [HonorariumModule], controllers: [GuidelinesController] })
export class HonorariumHttpModule {}
