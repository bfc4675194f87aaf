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
  MeetingQueries,
  parseLimit,
  ParticipationQueries,
  RecordMilestoneCommand,
  RegisterMeetingCommand,
  UpdateMeetingCommand,
  type MeetingInput,
} from '@app/participation';
import { CurrentUser, IfMatch, Roles, setETag, type AuthUser } from '../http';
import { ApiCommand, ApiIfMatch, ApiProblems } from '../http/openapi/problem-responses';
import { parseAsOf } from './as-of';
import { commandMeta } from './command-meta';
import { RecordMilestoneDto, RegisterMeetingDto, UpdateMeetingDto } from './dto/meeting.dto';
import { MeetingPage, MeetingView } from './dto/meeting.responses';
import { VersionView } from './dto/participation.responses';
import { CreatedDto } from './dto/register-project.dto';

const PROJECT_ID = ApiParam({ name: 'id', description: 'The project id' });
const MEETING_ID = ApiParam({ name: 'id', description: 'The meeting id' });

/** Meetings (møter) of a project, and its decision milestones. */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('v1')
export class MeetingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly meetings: MeetingQueries,
    private readonly queries: ParticipationQueries,
  ) {}

  @Post('projects/:id/meetings')
  @Roles('admin', 'project-lead')
  @ApiOperation({
    summary: 'Register a meeting of a project',
    description:
      'Date, form, agenda and who set it, invitation and documents, minutes reference; a user-gathering carries its two decisions `{expensesCovered, honorariumPaid}`, once for everyone in it. Involvements name it with `meetingId`.',
  })
  @PROJECT_ID
  @ApiCreatedResponse({ type: CreatedDto })
  @ApiCommand(404)
  register(
    @Param('id') id: string,
    @Body() body: RegisterMeetingDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ): Promise<CreatedDto> {
    return this.commands.execute(
      new RegisterMeetingCommand(id, body as MeetingInput, commandMeta(req, user)),
    );
  }

  @Get('projects/:id/meetings')
  @Roles('admin', 'project-lead', 'finance', 'auditor')
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
  @ApiOperation({ summary: 'List the meetings of a project', description: 'In the order they are held.' })
  @PROJECT_ID
  @ApiOkResponse({ type: MeetingPage })
  @ApiProblems(400, 404)
  async list(
    @Param('id') id: string,
    @Query('limit') limit: string | undefined,
    @Query('after') after: string | undefined,
  ) {
    await this.queries.project(id);
    return this.meetings.forProject(id, parseLimit(limit), after || undefined);
  }

  @Get('meetings/:id')
  @Roles('admin', 'project-lead', 'finance', 'auditor')
  @ApiQuery({
    name: 'asOf',
    required: false,
    schema: { type: 'string', format: 'date-time' },
    description: 'ISO 8601 instant: the meeting as it was then',
  })
  @ApiOperation({ summary: 'Read a meeting', description: '`ETag` is its version.' })
  @MEETING_ID
  @ApiOkResponse({ type: MeetingView })
  @ApiProblems(400, 404)
  async get(
    @Param('id') id: string,
    @Query('asOf') asOf: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const meeting = await this.meetings.meeting(id, parseAsOf(asOf));
    setETag(res, meeting.version);
    return meeting;
  }

  @Post('meetings/:id/updates')
  @HttpCode(200)
  @Roles('admin', 'project-lead')
  @ApiOperation({
    summary: 'Record what happened to a meeting',
    description:
      '`invitation-sent {at}`, `documents-shared {at}`, `feedback-given {at}` (given once, they count for every involvement in the meeting), `minutes {ref}`, `cancelled {reason}`. Admins and leads of its project.',
  })
  @MEETING_ID
  @ApiOkResponse({ type: VersionView })
  @ApiCommand(404)
  @ApiIfMatch()
  update(
    @Param('id') id: string,
    @Body() body: UpdateMeetingDto,
    @IfMatch() ifMatch: number | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.commands.execute(new UpdateMeetingCommand(id, body, commandMeta(req, user, ifMatch)));
  }

  @Post('projects/:id/milestones')
  @Roles('admin', 'project-lead')
  @ApiOperation({
    summary: 'Record a decision milestone of a project',
    description:
      '`mandate-set`, `options-chosen`, `decision-taken`: participation is early when the first meeting with users comes before the first milestone after the mandate.',
  })
  @PROJECT_ID
  @ApiCreatedResponse({ type: CreatedDto })
  @ApiCommand(404)
  milestone(
    @Param('id') id: string,
    @Body() body: RecordMilestoneDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ): Promise<CreatedDto> {
    return this.commands.execute(new RecordMilestoneCommand(id, body, commandMeta(req, user)));
  }
}
