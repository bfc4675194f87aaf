import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { EndAppointmentCommand } from '@app/participation';
import { CurrentUser, IfMatch, Roles, type AuthUser } from '../http';
import { commandMeta } from './command-meta';
import { EndAppointmentDto } from './dto/change-involvement.dto';
import { ApiCommand, ApiIfMatch } from '../http/openapi/problem-responses';
import { VersionView } from './dto/participation.responses';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('v1/appointments')
export class AppointmentsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/end')
  @HttpCode(200)
  @Roles('admin', 'project-lead')
  @ApiOperation({
    summary: 'End an appointment',
    description: 'From `endedOn`; involvements after it need another appointment.',
  })
  @ApiParam({ name: 'id', description: 'The appointment id' })
  @ApiOkResponse({ type: VersionView })
  @ApiCommand(404)
  @ApiIfMatch()
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
