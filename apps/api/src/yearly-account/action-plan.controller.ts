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
import { YearlyAccountCommands } from '@app/yearly-account';
import { ValidationFailed } from '@app/shared-kernel';
import { CurrentUser, IfMatch, Roles, type AuthUser } from '../http';
import { ApiCommand, ApiIfMatch } from '../http/openapi/problem-responses';
import { commandMeta } from '../participation/command-meta';
import {
  BudgetDto,
  IdVersionView,
  IdView,
  MeasureDto,
  MeasureStatusDto,
  SpendingDto,
  TrainingDto,
  YearlyVersionView,
} from './yearly-account.dto';

/** `{organizationId}` and `{year}` of a budget's path: 400 naming the one that breaks its rule. */
function organisationYear(organizationId: string, year: string) {
  const errors = [];
  if (organizationId.trim() === '' || organizationId.length > 200)
    errors.push({ field: 'organizationId', message: 'must be a non-empty text of at most 200 characters' });
  if (!/^\d{4}$/.test(year) || Number(year) < 1900 || Number(year) > 2999)
    errors.push({ field: 'year', message: 'must be a year like 2025' });
  if (errors.length > 0) throw new ValidationFailed(errors);
  return { organizationId: organizationId.trim(), year: Number(year) };
}

const ORGANIZATION = ApiParam({
  name: 'organizationId',
  schema: { type: 'string', minLength: 1, maxLength: 200 },
});
const YEAR = ApiParam({ name: 'year', schema: { type: 'integer', minimum: 1900, maximum: 2999 } });

/** The action plan (tiltak), its budget and spending, and training (opplæring): maintained by admins. */
@ApiTags('yearly account')
@ApiBearerAuth()
@Controller('v1')
export class ActionPlanController {
  constructor(private readonly commands: YearlyAccountCommands) {}

  @Post('trainings')
  @Roles('admin')
  @ApiOperation({
    summary: 'Record a course (opplæring) for representatives or staff',
    description:
      'Who (participant ids, or a staff count), what, hours, organiser, whether representatives were paid per the guideline, and its cost. Never counted as participation.',
  })
  @ApiCreatedResponse({ type: IdView })
  @ApiCommand()
  training(@Body() body: TrainingDto, @CurrentUser() user: AuthUser, @Req() req: Request) {
    return this.commands.recordTraining({ ...body }, commandMeta(req, user));
  }

  @Post('measures')
  @Roles('admin')
  @ApiOperation({
    summary: 'Register a measure (tiltak) of the action plan',
    description: 'What, who is responsible, deadline, status, and the year it is planned for.',
  })
  @ApiCreatedResponse({ type: IdVersionView })
  @ApiCommand()
  measure(@Body() body: MeasureDto, @CurrentUser() user: AuthUser, @Req() req: Request) {
    return this.commands.registerMeasure({ ...body }, commandMeta(req, user));
  }

  @Post('measures/:id/status')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Change the status of a measure' })
  @ApiParam({ name: 'id', description: 'The measure id' })
  @ApiOkResponse({ type: YearlyVersionView })
  @ApiCommand(404)
  @ApiIfMatch()
  measureStatus(
    @Param('id') id: string,
    @Body() body: MeasureStatusDto,
    @IfMatch() ifMatch: number | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.commands.changeMeasureStatus(id, { ...body }, commandMeta(req, user, ifMatch));
  }

  @Post('organizations/:organizationId/budgets/:year')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Set the participation budget of an organisation for a year',
    description: 'Every line in øre; a later budget replaces the earlier one.',
  })
  @ORGANIZATION
  @YEAR
  @ApiOkResponse({ type: YearlyVersionView })
  @ApiCommand()
  @ApiIfMatch()
  budget(
    @Param('organizationId') organizationId: string,
    @Param('year') year: string,
    @Body() body: BudgetDto,
    @IfMatch() ifMatch: number | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    const key = organisationYear(organizationId, year);
    return this.commands.setBudget(
      key.organizationId,
      key.year,
      { ...body },
      commandMeta(req, user, ifMatch),
    );
  }

  @Post('organizations/:organizationId/budgets/:year/spending')
  @Roles('admin')
  @ApiOperation({
    summary: 'Record spending no other record shows',
    description:
      'Running costs of councils (`councilRunningCosts`) and grants to user organisations (`userOrganizationGrants`).',
  })
  @ORGANIZATION
  @YEAR
  @ApiCreatedResponse({ type: YearlyVersionView })
  @ApiCommand()
  spending(
    @Param('organizationId') organizationId: string,
    @Param('year') year: string,
    @Body() body: SpendingDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    const key = organisationYear(organizationId, year);
    return this.commands.recordSpending(key.organizationId, key.year, { ...body }, commandMeta(req, user));
  }
}
