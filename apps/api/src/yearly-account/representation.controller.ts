import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { consentGiverOf, YearlyAccountCommands } from '@app/yearly-account';
import { CurrentUser, IfMatch, Roles, type AuthUser } from '../http';
import { ApiCommand, ApiIfMatch } from '../http/openapi/problem-responses';
import { commandMeta } from '../participation/command-meta';
import { BreadthConsentDto, ConsentView, PerspectiveDto, YearlyVersionView } from './yearly-account.dto';

const PARTICIPANT_ID = ApiParam({ name: 'id', description: 'The participant id' });

/**
 * A participant's perspective (user, next of kin) and their consent to breadth
 * attributes. Admins act on the participant's written consent; a
 * representative (role `representative`, their `participantId` claim) acts
 * only for themselves: `consentGiverOf` names who gives and refuses anyone
 * else with 403.
 */
@ApiTags('participants')
@ApiBearerAuth()
@Controller('v1/participants')
export class RepresentationController {
  constructor(private readonly commands: YearlyAccountCommands) {}

  @Post(':id/perspective')
  @HttpCode(200)
  @Roles('admin', 'representative')
  @ApiOperation({
    summary: 'Record whether the participant speaks as a user, as next of kin, or both',
    description:
      '`perspectives`: `user` (bruker), `next-of-kin` (pårørende), or both. Self-declared: the representative for themselves, or an admin on their word; another representative is refused (403).',
  })
  @PARTICIPANT_ID
  @ApiOkResponse({ type: YearlyVersionView })
  @ApiCommand(404)
  @ApiIfMatch()
  perspective(
    @Param('id') id: string,
    @Body() body: PerspectiveDto,
    @IfMatch() ifMatch: number | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    consentGiverOf(user, id); // the participant themselves or an admin; anyone else 403
    return this.commands.recordPerspective(id, { ...body }, commandMeta(req, user, ifMatch));
  }

  @Post(':id/breadth-consent')
  @Roles('admin', 'representative')
  @ApiOperation({
    summary: 'Record consent to self-declared breadth attributes, with the attributes',
    description:
      'Age band, Sami, immigrant or minority background, diagnosis or service area, user organisation: special categories, sealed per person, reported only in aggregate with counts below 5 suppressed. The representative gives it for themselves; an admin needs `writtenConsentRef` (422 `written-consent-required`); another representative is refused (403). A new consent replaces the one in force, whose attributes are erased.',
  })
  @PARTICIPANT_ID
  @ApiCreatedResponse({ type: ConsentView })
  @ApiCommand(404)
  @ApiIfMatch()
  giveConsent(
    @Param('id') id: string,
    @Body() body: BreadthConsentDto,
    @IfMatch() ifMatch: number | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.commands.giveConsent(
      id,
      { ...body },
      consentGiverOf(user, id),
      commandMeta(req, user, ifMatch),
    );
  }

  @Post(':id/breadth-consent/withdraw')
  @HttpCode(200)
  @Roles('admin', 'representative')
  @ApiOperation({
    summary: 'Withdraw consent to breadth attributes',
    description:
      'By the representative for themselves or an admin. The attributes are erased for good (their key is destroyed); withdrawing again changes nothing.',
  })
  @PARTICIPANT_ID
  @ApiOkResponse({ type: YearlyVersionView })
  @ApiCommand(404)
  @ApiIfMatch()
  withdrawConsent(
    @Param('id') id: string,
    @IfMatch() ifMatch: number | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.commands.withdrawConsent(id, consentGiverOf(user, id), commandMeta(req, user, ifMatch));
  }
}
