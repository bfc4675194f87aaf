import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ANNUAL_REPORT_CONTENT_SECURITY_POLICY,
  AnnualReportQueries,
  renderAnnualReportHtml,
} from '@app/reporting';
import { ValidationFailed } from '@app/shared-kernel';
import { CurrentUser, Expensive, Roles, type AuthUser } from '../http';
import { ApiProblems } from '../http/openapi/problem-responses';
import { AnnualReportView } from './reporting.responses';

@ApiTags('reports')
@ApiExtraModels(AnnualReportView)
@ApiBearerAuth()
@Controller('v1/reports')
export class AnnualReportController {
  constructor(private readonly reports: AnnualReportQueries) {}

  /** The yearly account of participation; `?format=html` gives a printable page with a chart per month. */
  @Get('annual')
  @Roles('admin', 'auditor', 'finance')
  @Expensive('annual-report')
  @ApiQuery({
    name: 'year',
    required: true,
    schema: { type: 'integer', minimum: 1900, maximum: 2999 },
    description: 'e.g. 2025: involvements that took place that year',
  })
  @ApiQuery({
    name: 'organizationId',
    required: false,
    schema: { type: 'string', minLength: 1, maxLength: 200 },
    description: "only this organisation's projects",
  })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'html'], description: 'default json' })
  @ApiProduces('application/json', 'text/html')
  @ApiOperation({
    summary: 'The annual report of participation',
    description: '`?format=html` gives a printable page with a chart per month.',
  })
  @ApiOkResponse({
    description:
      'projects and involvements by level and form, people, hours, economy (accrued and paid), shares with feedback and influence, projects at symbolic risk',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AnnualReportView) } },
      'text/html': { schema: { type: 'string' } },
    },
  })
  @ApiProblems(400)
  async annual(
    @Query('year') year: unknown,
    @Query('organizationId') organizationId: unknown,
    @Query('format') format: unknown,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (format !== undefined && format !== 'json' && format !== 'html')
      throw new ValidationFailed([{ field: 'format', message: 'must be json or html' }]);
    const report = await this.reports.annual(
      { year, organizationId },
      { actor: user.sub, roles: user.roles },
    );
    if (format !== 'html') return report;
    res.type('text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', ANNUAL_REPORT_CONTENT_SECURITY_POLICY);
    return renderAnnualReportHtml(report);
  }
}
