import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuditHistoryQueries, parseHistoryFilter, parsePaging } from '@app/audit';
import { NotFound } from '@app/shared-kernel';
import { CurrentUser, Roles, type AuthUser } from '../http';
import { AuditQueryLog } from './audit-query-log';
import { PersonalDataReveal } from './personal-data-reveal';

const PAGING = [
  ApiQuery({
    name: 'after',
    required: false,
    description: 'position of the last event of the previous page',
  }),
  ApiQuery({ name: 'limit', required: false, description: '1–1000, default 100' }),
];
const PAGING_PARAMETERS = ['after', 'limit'];
const EVENTS_PARAMETERS = ['stream', 'type', 'actor', 'from', 'to', ...PAGING_PARAMETERS];
const paged = (target: object, key: string | symbol, descriptor: PropertyDescriptor) =>
  PAGING.forEach((decorate) => decorate(target, key, descriptor));

/**
 * The full history, as stored, from the audit index. `data` is the stored
 * data (sealed fields as ciphertext); auditors also get `personalData`
 * opened, and each such read lands in the access log (docs/adr/0007).
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditHistoryController {
  constructor(
    private readonly history: AuditHistoryQueries,
    private readonly reveal: PersonalDataReveal,
    private readonly queryLog: AuditQueryLog,
  ) {}

  @Get('events')
  @Roles('auditor', 'admin')
  @ApiQuery({ name: 'stream', required: false })
  @ApiQuery({ name: 'type', required: false })
  @ApiQuery({ name: 'actor', required: false })
  @ApiQuery({ name: 'from', required: false, description: 'recorded at or after (ISO 8601)' })
  @ApiQuery({ name: 'to', required: false, description: 'recorded at or before (ISO 8601)' })
  @paged
  async events(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser) {
    const filter = parseHistoryFilter(query);
    await this.queryLog.recordQuery(user, 'events', query, EVENTS_PARAMETERS);
    const page = await this.history.events(filter);
    return { items: await this.reveal.forCaller(user, page.items, 'audit-events'), next: page.next };
  }

  @Get('streams/:streamId')
  @Roles('auditor', 'admin')
  @paged
  async stream(
    @Param('streamId') streamId: string,
    @Query() query: Record<string, unknown>,
    @CurrentUser() user: AuthUser,
  ) {
    const { after, limit } = parsePaging(query);
    await this.queryLog.recordQuery(user, `stream:${streamId}`, query, PAGING_PARAMETERS);
    const page = await this.history.stream(streamId, after, limit);
    if (page.items.length === 0 && after === 0) throw new NotFound('stream', streamId);
    return { items: await this.reveal.forCaller(user, page.items, 'audit-stream'), next: page.next };
  }

  @Get('participants/:id/history')
  @Roles('auditor', 'admin')
  @paged
  async participantHistory(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @CurrentUser() user: AuthUser,
  ) {
    const { after, limit } = parsePaging(query);
    await this.queryLog.recordQuery(user, `participant-history:${id}`, query, PAGING_PARAMETERS);
    const page = await this.history.participantHistory(id, after, limit);
    if (page.items.length === 0 && after === 0) throw new NotFound('participant', id);
    return {
      items: await this.reveal.forCaller(user, page.items, 'audit-participant-history'),
      next: page.next,
    };
  }
}
