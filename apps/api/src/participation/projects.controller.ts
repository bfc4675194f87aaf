import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AddProjectLeadCommand,
  AppointCommand,
  InvolvementListQueries,
  parseLimit,
  LogInvolvementCommand,
  ParticipationQueries,
  RegisterProjectCommand,
  type DetailsInput,
} from '@app/participation';
import type { AuthUser } from '../http/auth/auth-user';
import { CurrentUser } from '../http/auth/current-user.decorator';
import { Roles } from '../http/auth/roles.decorator';
import { commandMeta } from './command-meta';
import { AppointDto } from './dto/appoint.dto';
import { LogInvolvementDto } from './dto/log-involvement.dto';
import { AddProjectLeadDto, CreatedDto, RegisterProjectDto } from './dto/register-project.dto';
import { parseAsOf } from './as-of';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('v1/projects')
export class ProjectsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: ParticipationQueries,
    private readonly involvementList: InvolvementListQueries,
  ) {}

  @Post()
  @Roles('admin', 'project-lead')
  @ApiCreatedResponse({ type: CreatedDto })
  register(
    @Body() body: RegisterProjectDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ): Promise<CreatedDto> {
    return this.commands.execute(new RegisterProjectCommand(body, commandMeta(req, user)));
  }

  @Get(':id')
  @Roles('admin', 'project-lead', 'finance', 'auditor')
  @ApiQuery({ name: 'asOf', required: false, description: 'ISO 8601 instant: the project as it was then' })
  async get(
    @Param('id') id: string,
    @Query('asOf') asOf: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const project = await this.queries.project(id, parseAsOf(asOf));
    res.setHeader('ETag', `"${project.version}"`);
    return project;
  }

  @Get(':id/involvements')
  @Roles('admin', 'project-lead', 'auditor')
  @ApiQuery({ name: 'limit', required: false, description: '1–1000, default 100' })
  @ApiQuery({ name: 'after', required: false, description: 'the `next` cursor of the previous page' })
  async involvements(
    @Param('id') id: string,
    @Query('limit') limit: string | undefined,
    @Query('after') after: string | undefined,
  ) {
    await this.queries.project(id);
    return this.involvementList.forProject(id, parseLimit(limit), after || undefined);
  }

  @Post(':id/leads')
  @HttpCode(200)
  @Roles('admin', 'project-lead')
  addLead(
    @Param('id') id: string,
    @Body() body: AddProjectLeadDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.commands.execute(new AddProjectLeadCommand(id, body, commandMeta(req, user)));
  }

  @Post(':id/appointments')
  @Roles('admin', 'project-lead')
  @ApiCreatedResponse({ type: CreatedDto })
  appoint(
    @Param('id') id: string,
    @Body() body: AppointDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ): Promise<CreatedDto> {
    return this.commands.execute(new AppointCommand(id, body, commandMeta(req, user)));
  }

  @Post(':id/involvements')
  @Roles('admin', 'project-lead')
  @ApiCreatedResponse({ type: CreatedDto })
  logInvolvement(
    @Param('id') id: string,
    @Body() body: LogInvolvementDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ): Promise<CreatedDto> {
    return this.commands.execute(
      new LogInvolvementCommand(
        id,
        body as unknown as { participantId: string } & DetailsInput,
        commandMeta(req, user),
      ),
    );
  }
}
