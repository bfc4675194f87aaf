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
  assertStaffOrOwnData,
  ChangeBankAccountCommand,
  ChangeContactCommand,
  ChangeEmploymentCommand,
  ForgetParticipantCommand,
  InvolvementListQueries,
  parseLimit,
  ParticipantHonorariumQueries,
  ParticipationQueries,
  RegisterParticipantCommand,
} from '@app/participation';
import { representedParticipant, type AuthUser } from '../http/auth/auth-user';
import { CurrentUser } from '../http/auth/current-user.decorator';
import { Roles } from '../http/auth/roles.decorator';
import { commandMeta } from './command-meta';
import { CreatedDto } from './dto/register-project.dto';
import { RegisterParticipantDto } from './dto/register-participant.dto';
import { ApiCommand, ApiIfMatch, ApiProblems } from '../http/openapi/problem-responses';
import { RequiredIfMatch, setETag } from '../http';
import { ChangeBankAccountDto, ChangeContactDto, ChangeEmploymentDto } from './dto/change-participant.dto';
import {
  InvolvementPage,
  ParticipantHonorariumView,
  ParticipantView,
  VersionView,
} from './dto/participation.responses';

const PARTICIPANT_ID = ApiParam({ name: 'id', description: 'The participant id' });

@ApiTags('participants')
@ApiBearerAuth()
@Controller('v1/participants')
export class ParticipantsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: ParticipationQueries,
    private readonly honorarium: ParticipantHonorariumQueries,
    private readonly involvementList: InvolvementListQueries,
  ) {}

  /** Accrued, batched and paid honorarium in øre, line by line with the guideline version of each. */
  @Get(':id/honorarium')
  @Roles('admin', 'finance', 'auditor', 'representative')
  @ApiQuery({ name: 'from', required: false, schema: { type: 'string', format: 'date' } })
  @ApiQuery({ name: 'to', required: false, schema: { type: 'string', format: 'date' } })
  @ApiOperation({
    summary: 'A participant’s honorarium ledger',
    description:
      'Accrued, batched and paid honorarium in øre, line by line with the guideline version of each (its payout status); `from`/`to` limit the days. A representative reads only their own (403 otherwise).',
  })
  @PARTICIPANT_ID
  @ApiOkResponse({ type: ParticipantHonorariumView })
  @ApiProblems(400, 404)
  honorariumOf(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ) {
    assertStaffOrOwnData(readerOf(user), id);
    return this.honorarium.forParticipant(id, from || undefined, to || undefined);
  }

  @Get(':id/involvements')
  @Roles('admin', 'auditor', 'representative')
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
    summary: 'List the involvements logged about a participant',
    description:
      'In every project, newest first, paged with `limit` and `after`. A representative reads only their own (403 otherwise).',
  })
  @PARTICIPANT_ID
  @ApiOkResponse({ type: InvolvementPage })
  @ApiProblems(400, 404)
  async involvementsOf(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Query('limit') limit: string | undefined,
    @Query('after') after: string | undefined,
  ) {
    assertStaffOrOwnData(readerOf(user), id);
    await this.honorarium.assertRegistered(id);
    return this.involvementList.forParticipant(id, parseLimit(limit), after || undefined);
  }

  @Post()
  @Roles('admin', 'project-lead')
  @ApiCreatedResponse({ type: CreatedDto })
  @ApiOperation({
    summary: 'Register a participant',
    description:
      'Personal data is validated, then sealed with the person’s own key; 409 names the participant already registered with the same national id.',
  })
  @ApiCommand()
  register(
    @Body() body: RegisterParticipantDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ): Promise<CreatedDto> {
    return this.commands.execute(new RegisterParticipantCommand(body, commandMeta(req, user)));
  }

  /** Leads may read only people appointed to their projects; every read lands in the access log. */
  @Get(':id')
  @Roles('admin', 'finance', 'auditor', 'project-lead', 'representative')
  @ApiOperation({
    summary: 'Read a participant with their personal data',
    description:
      'Leads may read only people appointed to their projects, a representative only themselves (403 otherwise); every read lands in the access log.',
  })
  @PARTICIPANT_ID
  @ApiOkResponse({ type: ParticipantView })
  @ApiProblems(400, 404)
  async get(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    const participant = await this.queries.participant(id, readerOf(user));
    res.setHeader('ETag', `"${participant.version}"`);
    return participant;
  }

  /** Destroys the person's data key: their personal data reads as forgotten for good; the log stays intact. */
  @Post(':id/forget')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Forget a participant',
    description:
      'Destroys the person’s data key: their personal data reads as forgotten for good; the log stays intact. 409 while approved lines await payment.',
  })
  @PARTICIPANT_ID
  @ApiOkResponse({ type: VersionView })
  @ApiCommand(404)
  forget(@Param('id') id: string, @CurrentUser() user: AuthUser, @Req() req: Request) {
    return this.commands.execute(new ForgetParticipantCommand(id, commandMeta(req, user)));
  }

  /** A new employment from a day on; the own-workplace rule reads the one in force on an appointment's first day. */
  @Post(':id/employment')
  @HttpCode(200)
  @Roles('admin', 'project-lead')
  @ApiOperation({
    summary: 'Change a participant’s employment',
    description:
      'The organisations employing the person from `from` on (`[]`: none). The own-workplace rule judges an appointment by the employment in force on its first day. Requires If-Match (428 without it, 412 when stale). A lead may change only a person they may read.',
  })
  @PARTICIPANT_ID
  @ApiOkResponse({ type: VersionView })
  @ApiCommand(404)
  @ApiIfMatch({ required: true })
  async changeEmployment(
    @Param('id') id: string,
    @Body() body: ChangeEmploymentDto,
    @RequiredIfMatch() ifMatch: number,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VersionView> {
    const result: VersionView = await this.commands.execute(
      new ChangeEmploymentCommand(id, body, commandMeta(req, user, ifMatch)),
    );
    setETag(res, result.version);
    return result;
  }

  /** The account the next payout batch pays to; sealed with the person's key like registration. */
  @Post(':id/bank-account')
  @HttpCode(200)
  @Roles('admin', 'finance', 'project-lead')
  @ApiOperation({
    summary: 'Change a participant’s bank account',
    description:
      'Validated, then sealed with the rest of the person’s data (no plaintext in the log; erased by forget). Payout files exported from then on carry the new account. Requires If-Match (428 without it, 412 when stale).',
  })
  @PARTICIPANT_ID
  @ApiOkResponse({ type: VersionView })
  @ApiCommand(404)
  @ApiIfMatch({ required: true })
  async changeBankAccount(
    @Param('id') id: string,
    @Body() body: ChangeBankAccountDto,
    @RequiredIfMatch() ifMatch: number,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VersionView> {
    const result: VersionView = await this.commands.execute(
      new ChangeBankAccountCommand(id, body, commandMeta(req, user, ifMatch)),
    );
    setETag(res, result.version);
    return result;
  }

  @Post(':id/contact')
  @HttpCode(200)
  @Roles('admin', 'project-lead')
  @ApiOperation({
    summary: 'Change a participant’s contact details',
    description:
      'E-mail and address (null or blank clears one); sealed like registration. Requires If-Match (428 without it, 412 when stale).',
  })
  @PARTICIPANT_ID
  @ApiOkResponse({ type: VersionView })
  @ApiCommand(404)
  @ApiIfMatch({ required: true })
  async changeContact(
    @Param('id') id: string,
    @Body() body: ChangeContactDto,
    @RequiredIfMatch() ifMatch: number,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VersionView> {
    const result: VersionView = await this.commands.execute(
      new ChangeContactCommand(id, body, commandMeta(req, user, ifMatch)),
    );
    setETag(res, result.version);
    return result;
  }
}

/** The caller as a reader of personal data; a representative with the participant they are. */
const readerOf = (user: AuthUser) => ({
  actor: user.sub,
  roles: user.roles,
  participantId: representedParticipant(user),
});
