import { Module } from '@nestjs/common';
import { GuidelineCatalogue } from './guideline-catalogue';

/** Guideline versions (shipped and published) for calculations and the guidelines API. */
@Module({ providers: [GuidelineCatalogue], exports: [GuidelineCatalogue] })
export class HonorariumModule {}
