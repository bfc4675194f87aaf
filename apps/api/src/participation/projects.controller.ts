import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AddProjectLeadCommand,
  AppointCommand,
  InvolvementListQueries,
  InvolvementPreviewQueries,
  parseLimit,
  ProjectListQueries,
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
import { ApiCommand, ApiProblems } from '../http/openapi/problem-responses';
import {
  InvolvementPage,
  InvolvementPreviewView,
  ProjectListPage,
  ProjectView,
  VersionView,
} from './dto/participation.responses';

const PROJECT_ID = ApiParam({ name: 'id', description: 'The project id' });
const AS_OF = ApiQuery({
  name: 'asOf',
  required: false,
  schema: { type: 'string', format: 'date-time' },
  description: 'ISO 8601 instant: the project as it was then',
});

@ApiTags('projects')
@ApiBearerAuth()
@Controller('v1/projects')
export class ProjectsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: ParticipationQueries,
    private readonly involvementList: InvolvementListQueries,
    private readonly previews: InvolvementPreviewQueries,
    private readonly projectList: ProjectListQueries,
  ) {}

  @Post()
  @Roles('admin', 'project-lead')
  @ApiCreatedResponse({ type: CreatedDto })
  @ApiOperation({
    summary: 'Register a project',
    description:
      'Its region picks the honorarium guideline (422 `unknown-region` lists the regions that exist); a project lead who registers it becomes its first lead.',
  })
  @ApiCommand()
  register(
    @Body() body: RegisterProjectDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ): Promise<CreatedDto> {
    return this.commands.execute(new RegisterProjectCommand(body, commandMeta(req, user)));
  }

  @Get()
  @Roles('admin', 'project-lead', 'auditor')
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  })
  @ApiQuery({
    name: 'after',
    required: false,
    schema: { type: 'string', maxLength: 500 },
    description: 'the `next` cursor of the previous page',
  })
  @ApiOperation({
    summary: 'List projects',
    description:
      'A project lead gets the projects they lead; an admin or an auditor gets every project. In the order they were registered, paged with `limit` and `after`.',
  })
  @ApiOkResponse({ type: ProjectListPage })
  @ApiProblems(400)
  list(
    @Query('limit') limit: string | undefined,
    @Query('after') after: string | undefined,
    @CurrentUser() user: AuthUser,
  ) {
    const everyProject = user.roles.includes('admin') || user.roles.includes('auditor');
    return this.projectList.list(everyProject ? {} : { leadSub: user.sub }, parseLimit(limit), after);
  }

  @Get(':id')
  @Roles('admin', 'project-lead', 'finance', 'auditor')
  @ApiOperation({
    summary: 'Read a project',
    description: 'With its leads and appointments; `ETag` is its version.',
  })
  @PROJECT_ID
  @AS_OF
  @ApiOkResponse({ type: ProjectView })
  @ApiProblems(400, 404)
  async get(
    @Param('id') id: string,
    @Query('asOf') asOf: string | undefined,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    const project = await this.queries.project(id, parseAsOf(asOf), { actor: user.sub, roles: user.roles });
    res.setHeader('ETag', `"${project.version}"`);
    return project;
  }

  @Get(':id/involvements')
  @Roles('admin', 'project-lead', 'auditor')
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  })
  @ApiQuery({
    name: 'after',
    required: false,
    schema: { type: 'string', maxLength: 500 },
    description: 'the `next` cursor of the previous page',
  })
  @ApiOperation({
    summary: 'List the involvements of a project',
    description: 'Newest first, paged with `limit` and `after`.',
  })
  @PROJECT_ID
  @ApiOkResponse({ type: InvolvementPage })
  @ApiProblems(400, 404)
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
  @ApiOperation({ summary: 'Add a lead to a project', description: 'By an admin or a lead of the project.' })
  @PROJECT_ID
  @ApiOkResponse({ type: VersionView })
  @ApiCommand(404)
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
  @ApiOperation({
    summary: 'Appoint a participant to a project',
    description: 'Oppnevning: who nominated and who appointed the representative, from (and to) which day.',
  })
  @PROJECT_ID
  @ApiCommand(404)
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
  @ApiOperation({
    summary: 'Log an involvement',
    description:
      'What a participant took part in; user-council, user-panel and user-group need an appointment active on `occurredOn`. The answer to GET /v1/involvements/{id} prices it.',
  })
  @PROJECT_ID
  @ApiCommand(404)
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

  @Post(':id/involvements/preview')
  @HttpCode(200)
  @Roles('admin', 'project-lead')
  @ApiOkResponse({ type: InvolvementPreviewView })
  @ApiOperation({
    summary: 'Preview the honorarium of an involvement before logging it',
    description:
      'A dry run: the same body, checks and answers (400, 403, 404, 422) as logging it, and the honorarium the guideline in force gives, with the person’s other involvements that day in the daily caps. Nothing is stored.',
  })
  @PROJECT_ID
  @ApiCommand(404)
  preview(
    @Param('id') id: string,
    @Body() body: LogInvolvementDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.previews.preview(
      id,
      body as unknown as { participantId: string } & DetailsInput,
      commandMeta(req, user),
    );
  }
}
