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
  ChangeInvolvementCommand,
  ParticipationQueries,
  RecordParticipantStatementCommand,
  type ParticipantStatement,
} from '@app/participation';
import { CurrentUser, IfMatch, representedParticipant, Roles, setETag, type AuthUser } from '../http';
import { parseAsOf } from './as-of';
import { commandMeta } from './command-meta';
import { AddEvidenceDto, CorrectInvolvementDto, VoidInvolvementDto } from './dto/change-involvement.dto';
import { ApiCommand, ApiIfMatch, ApiProblems } from '../http/openapi/problem-responses';
import { InvolvementView, VersionView } from './dto/participation.responses';
import { CreatedDto } from './dto/register-project.dto';
import { ConfirmationDto, FeedbackAcknowledgementDto, WaiverDto } from './dto/participant-voice.dto';

const INVOLVEMENT_ID = ApiParam({ name: 'id', description: 'The involvement id' });

@ApiTags('involvements')
@ApiBearerAuth()
@Controller('v1/involvements')
export class InvolvementsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: ParticipationQueries,
  ) {}

  @Get(':id')
  @Roles('admin', 'project-lead', 'finance', 'auditor', 'representative')
  @ApiQuery({
    name: 'asOf',
    required: false,
    schema: { type: 'string', format: 'date-time' },
    description: 'ISO 8601 instant: the involvement as it was then',
  })
  @ApiOperation({
    summary: 'Read an involvement, priced',
    description:
      'With its honorarium by the guideline in force on `occurredOn`, its evidence, history and payout; `ETag` is its version. A representative reads only involvements logged about themselves (403 otherwise).',
  })
  @INVOLVEMENT_ID
  @ApiOkResponse({ type: InvolvementView })
  @ApiProblems(400, 404)
  async get(
    @Param('id') id: string,
    @Query('asOf') asOf: string | undefined,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    const involvement = await this.queries.involvement(id, parseAsOf(asOf), {
      actor: user.sub,
      roles: user.roles,
      participantId: representedParticipant(user),
    });
    setETag(res, involvement.version);
    return involvement;
  }

  @Post(':id/corrections')
  @HttpCode(200)
  @Roles('admin', 'project-lead')
  @ApiOperation({
    summary: 'Correct an involvement',
    description: 'Changes any logged field, with a reason; the same rules as when logged apply.',
  })
  @INVOLVEMENT_ID
  @ApiOkResponse({ type: VersionView })
  @ApiCommand(404)
  @ApiIfMatch()
  correct(
    @Param('id') id: string,
    @Body() body: CorrectInvolvementDto,
    @IfMatch() ifMatch: number | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.commands.execute(
      new ChangeInvolvementCommand(id, { kind: 'correct', ...body }, commandMeta(req, user, ifMatch)),
    );
  }

  @Post(':id/void')
  @HttpCode(200)
  @Roles('admin', 'project-lead')
  @ApiOperation({
    summary: 'Void an involvement',
    description: 'It stays in the log but counts and pays nothing.',
  })
  @INVOLVEMENT_ID
  @ApiOkResponse({ type: VersionView })
  @ApiCommand(404)
  @ApiIfMatch()
  void(
    @Param('id') id: string,
    @Body() body: VoidInvolvementDto,
    @IfMatch() ifMatch: number | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.commands.execute(
      new ChangeInvolvementCommand(
        id,
        { kind: 'void', reason: body.reason },
        commandMeta(req, user, ifMatch),
      ),
    );
  }

  @Post(':id/evidence')
  @Roles('admin', 'project-lead')
  @ApiOperation({
    summary: 'Add evidence that participation was real',
    description:
      'invitation {documentsSharedAt?}, attendance {confirmedBy}, input {summary}, feedback {summary}, influence {decisionRef, outcome, rationale}.',
  })
  @INVOLVEMENT_ID
  @ApiCreatedResponse({ type: CreatedDto })
  @ApiCommand(404)
  addEvidence(
    @Param('id') id: string,
    @Body() body: AddEvidenceDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.commands.execute(
      new ChangeInvolvementCommand(id, { kind: 'evidence', evidence: body }, commandMeta(req, user)),
    );
  }

  @Post(':id/confirmation')
  @HttpCode(200)
  @Roles('representative')
  @ApiOperation({
    summary: 'Confirm or dispute an involvement logged about me',
    description:
      '`{confirmed: true}` confirms what is logged (and withdraws an earlier dispute); `{confirmed: false, reason, concerns?}` disputes it. A dispute holds the involvement’s amount back from payout drafts until the lead corrects the involvement or the representative confirms. Only the representative the involvement is about (403 otherwise).',
  })
  @INVOLVEMENT_ID
  @ApiOkResponse({ type: VersionView })
  @ApiCommand(404)
  @ApiIfMatch()
  confirm(
    @Param('id') id: string,
    @Body() body: ConfirmationDto,
    @IfMatch() ifMatch: number | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.speak(id, { kind: 'confirmation', ...body }, user, req, ifMatch);
  }

  @Post(':id/waiver')
  @HttpCode(200)
  @Roles('representative')
  @ApiOperation({
    summary: 'Waive the honorarium of an involvement logged about me',
    description:
      'The participant’s own waiver: no honorarium (meeting, preparation and travel time) is paid for it; expenses and lost income are still covered. Once per involvement.',
  })
  @INVOLVEMENT_ID
  @ApiOkResponse({ type: VersionView })
  @ApiCommand(404)
  @ApiIfMatch()
  waive(
    @Param('id') id: string,
    @Body() body: WaiverDto,
    @IfMatch() ifMatch: number | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.speak(id, { kind: 'waiver', reason: body.reason }, user, req, ifMatch);
  }

  @Post(':id/feedback-acknowledgement')
  @HttpCode(200)
  @Roles('representative')
  @ApiOperation({
    summary: 'Acknowledge feedback recorded on an involvement logged about me',
    description:
      'Names the feedback evidence received; the strongest evidence that feedback reached the participant.',
  })
  @INVOLVEMENT_ID
  @ApiOkResponse({ type: VersionView })
  @ApiCommand(404)
  @ApiIfMatch()
  acknowledgeFeedback(
    @Param('id') id: string,
    @Body() body: FeedbackAcknowledgementDto,
    @IfMatch() ifMatch: number | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.speak(
      id,
      { kind: 'feedback-acknowledgement', evidenceId: body.evidenceId },
      user,
      req,
      ifMatch,
    );
  }

  private speak(
    id: string,
    statement: ParticipantStatement,
    user: AuthUser,
    req: Request,
    ifMatch: number | undefined,
  ) {
    return this.commands.execute(
      new RecordParticipantStatementCommand(
        id,
        representedParticipant(user),
        statement,
        commandMeta(req, user, ifMatch),
      ),
    );
  }
}
