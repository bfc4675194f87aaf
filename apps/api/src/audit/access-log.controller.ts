import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccessLog, parsePaging } from '@app/audit';
import { CurrentUser, Roles, type AuthUser } from '../http';
import { AuditQueryLog } from './audit-query-log';
import { ApiProblems } from '../http/openapi/problem-responses';
import { AccessLogPage } from './audit.responses';

const PARAMETERS = ['actor', 'subject', 'action', 'after', 'limit'];
const optional = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit/access-log')
export class AccessLogController {
  constructor(
    private readonly accessLog: AccessLog,
    private readonly queryLog: AuditQueryLog,
  ) {}

  /** Who read which personal data or audit view, when: oldest first, `next` is the last id. */
  @Get()
  @Roles('auditor', 'admin')
  @ApiQuery({ name: 'actor', required: false })
  @ApiQuery({ name: 'subject', required: false })
  @ApiQuery({ name: 'action', required: false, description: 'e.g. read-personal-data, audit-query' })
  @ApiQuery({ name: 'after', required: false, schema: { type: 'integer', minimum: 0 } })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  })
  @ApiOperation({
    summary: 'The access log',
    description: 'Who read which personal data or audit view, when: oldest first, `next` is the last id.',
  })
  @ApiOkResponse({ type: AccessLogPage })
  @ApiProblems(400)
  async list(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser) {
    const paging = parsePaging(query);
    const page = await this.accessLog.page({
      ...paging,
      actor: optional(query.actor),
      subject: optional(query.subject),
      action: optional(query.action),
    });
    await this.queryLog.recordQuery(user, 'access-log', query, PARAMETERS);
    return page;
  }
}
