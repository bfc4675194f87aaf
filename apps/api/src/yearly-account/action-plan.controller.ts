import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { YearlyAccountCommands } from '@app/yearly-account';
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

/** Bodies that work as given (Swagger UI offers them; the fuzz suite sends them too). */
const TRAINING_EXAMPLES = {
  'course for staff': {
    value: {
      organizationId: 'helse-midt',
      title: 'Samvalg i praksis',
      organiser: 'Fagavdelingen',
      occurredOn: '2025-03-20',
      hours: 3,
      audience: 'staff',
      staffCount: 12,
      paid: false,
      costOre: 250000,
    },
  },
};
const MEASURE_EXAMPLES = {
  'a measure': {
    value: {
      organizationId: 'helse-midt',
      what: 'Opplæring av nye brukerrepresentanter',
      responsible: 'Fagdirektør',
      deadline: '2025-09-30',
      year: 2025,
    },
  },
};
const BUDGET_EXAMPLES = {
  'a year': {
    value: {
      organizationId: 'helse-midt',
      year: 2025,
      honorariumOre: 5000000,
      expensesOre: 319500,
      lostIncomeOre: 1000000,
      councilRunningCostsOre: 2000000,
      userOrganizationGrantsOre: 1500000,
      trainingOre: 1200000,
    },
  },
};
const SPENDING_EXAMPLES = {
  'running costs': {
    value: {
      organizationId: 'helse-midt',
      year: 2025,
      line: 'councilRunningCosts',
      amountOre: 750000,
      spentOn: '2025-02-01',
      note: 'Møterom og servering',
    },
  },
};

/** The action plan (tiltak), its budget and spending, and training (opplæring): maintained by admins. */
@ApiTags('yearly-account')
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
  @ApiBody({ type: TrainingDto, examples: TRAINING_EXAMPLES })
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
  @ApiBody({ type: MeasureDto, examples: MEASURE_EXAMPLES })
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

  @Post('budgets')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Set the participation budget of an organisation for a year',
    description: 'Every line in øre; a later budget replaces the earlier one.',
  })
  @ApiBody({ type: BudgetDto, examples: BUDGET_EXAMPLES })
  @ApiOkResponse({ type: YearlyVersionView })
  @ApiCommand()
  @ApiIfMatch()
  budget(
    @Body() body: BudgetDto,
    @IfMatch() ifMatch: number | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.commands.setBudget({ ...body }, commandMeta(req, user, ifMatch));
  }

  @Post('budgets/spending')
  @Roles('admin')
  @ApiOperation({
    summary: 'Record spending no other record shows',
    description:
      'Running costs of councils (`councilRunningCosts`) and grants to user organisations (`userOrganizationGrants`), within the budget year.',
  })
  @ApiBody({ type: SpendingDto, examples: SPENDING_EXAMPLES })
  @ApiCreatedResponse({ type: YearlyVersionView })
  @ApiCommand()
  spending(@Body() body: SpendingDto, @CurrentUser() user: AuthUser, @Req() req: Request) {
    return this.commands.recordSpending({ ...body }, commandMeta(req, user));
  }
}
