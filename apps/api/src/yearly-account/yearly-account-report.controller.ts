import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ValidationFailed } from '@app/shared-kernel';
import {
  renderYearlyAccountHtml,
  YEARLY_ACCOUNT_CONTENT_SECURITY_POLICY,
  YearlyAccountQueries,
} from '@app/yearly-account';
import { CurrentUser, Expensive, Roles, type AuthUser } from '../http';
import { ApiProblems } from '../http/openapi/problem-responses';

const YEAR = ApiQuery({
  name: 'year',
  required: true,
  schema: { type: 'integer', minimum: 1900, maximum: 2999 },
});
const ORGANIZATION = ApiQuery({
  name: 'organizationId',
  required: true,
  schema: { type: 'string', minLength: 1, maxLength: 200 },
});

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class YearlyAccountReportController {
  constructor(private readonly queries: YearlyAccountQueries) {}

  @Get('yearly-account')
  @Roles('admin', 'auditor', 'finance')
  @Expensive('annual-report')
  @YEAR
  @ORGANIZATION
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'html'], description: 'default json' })
  @ApiProduces('application/json', 'text/html')
  @ApiOperation({
    summary: 'The yearly account (årlig rapport) of one organisation',
    description:
      'Status of measures and those planned for next year; meetings and person-meetings by level and form; representation breadth (aggregated, counts below 5 suppressed); training; shares with feedback, influence and confirmation; projects at symbolic risk; budget against actual. `?format=html`: printable page in bokmål.',
  })
  @ApiOkResponse({
    description: 'The account (JSON) or a printable page (HTML)',
    content: {
      'application/json': { schema: { type: 'object' } },
      'text/html': { schema: { type: 'string' } },
    },
  })
  @ApiProblems(400)
  async account(
    @Query('year') year: unknown,
    @Query('organizationId') organizationId: unknown,
    @Query('format') format: unknown,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (format !== undefined && format !== 'json' && format !== 'html')
      throw new ValidationFailed([{ field: 'format', message: 'must be json or html' }]);
    const account = await this.queries.account(
      { year, organizationId },
      { actor: user.sub, roles: user.roles },
    );
    if (format !== 'html') return account;
    res.type('text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', YEARLY_ACCOUNT_CONTENT_SECURITY_POLICY);
    return renderYearlyAccountHtml(account);
  }

  @Get('breadth')
  @Roles('admin', 'auditor')
  @YEAR
  @ORGANIZATION
  @ApiOperation({
    summary: 'Representation breadth of an organisation and each of its projects in a year',
    description:
      'Perspectives and consented attributes of the people who took part, in aggregate only; every count below 5 is null (suppressed). Each project carries the breadth indicator: perspectives and groups covered.',
  })
  @ApiOkResponse({ description: 'Breadth in aggregate', schema: { type: 'object' } })
  @ApiProblems(400)
  breadth(
    @Query('year') year: unknown,
    @Query('organizationId') organizationId: unknown,
    @CurrentUser() user: AuthUser,
  ) {
    return this.queries.breadthReport({ year, organizationId }, { actor: user.sub, roles: user.roles });
  }
}
