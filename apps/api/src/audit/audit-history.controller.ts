import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuditHistoryQueries, parseHistoryFilter, parsePaging } from '@app/audit';
import { NotFound } from '@app/shared-kernel';
import { CurrentUser, Roles, type AuthUser } from '../http';
import { AuditQueryLog } from './audit-query-log';
import { PersonalDataReveal } from './personal-data-reveal';
import { ApiProblems } from '../http/openapi/problem-responses';
import { AuditEventPage } from './audit.responses';

const PAGING = [
  ApiQuery({
    name: 'after',
    required: false,
    schema: { type: 'integer', minimum: 0 },
    description: 'position of the last event of the previous page',
  }),
  ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  }),
  ApiOkResponse({ type: AuditEventPage }),
  ApiProblems(400),
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
  @ApiQuery({
    name: 'from',
    required: false,
    schema: { type: 'string', format: 'date-time' },
    description: 'recorded at or after',
  })
  @ApiQuery({
    name: 'to',
    required: false,
    schema: { type: 'string', format: 'date-time' },
    description: 'recorded at or before',
  })
  @paged
  @ApiOperation({
    summary: 'Search the event log',
    description:
      'Every stored event with its hash, filtered by stream, type, actor and time; auditors also get sealed personal data opened (logged).',
  })
  async events(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser) {
    const filter = parseHistoryFilter(query);
    await this.queryLog.recordQuery(user, 'events', query, EVENTS_PARAMETERS);
    const page = await this.history.events(filter);
    return { items: await this.reveal.forCaller(user, page.items, 'audit-events'), next: page.next };
  }

  @Get('streams/:streamId')
  @Roles('auditor', 'admin')
  @paged
  @ApiOperation({
    summary: 'Every event of one stream',
    description: 'In version order; 404 for a stream without events.',
  })
  @ApiParam({ name: 'streamId', description: 'e.g. project-<id>, involvement-<id>' })
  @ApiProblems(404)
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
  @ApiOperation({
    summary: 'Every event about one participant',
    description: 'Their own stream and every event that names them, in order.',
  })
  @ApiParam({ name: 'id', description: 'The participant id' })
  @ApiProblems(404)
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
