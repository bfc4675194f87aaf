import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { EndAppointmentCommand } from '@app/participation';
import { CurrentUser, IfMatch, Roles, type AuthUser } from '../http';
import { commandMeta } from './command-meta';
import { EndAppointmentDto } from './dto/change-involvement.dto';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('v1/appointments')
export class AppointmentsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/end')
  @HttpCode(200)
  @Roles('admin', 'project-lead')
  end(
    @Param('id') id: string,
    @Body() body: EndAppointmentDto,
    @IfMatch() ifMatch: number | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.commands.execute(new EndAppointmentCommand(id, body, commandMeta(req, user, ifMatch)));
  }
}
