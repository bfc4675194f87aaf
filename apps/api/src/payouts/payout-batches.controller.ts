import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  ApprovePayoutBatchCommand,
  CancelPayoutBatchCommand,
  DraftPayoutBatchCommand,
  DEFAULT_LINE_LIMIT,
  exportText,
  MAX_LINE_LIMIT,
  parseLinePaging,
  PayoutBatchQueries,
  PayoutExporter,
  RecordPaymentResultsCommand,
  type DraftedBatch,
} from '@app/payouts';
import { ValidationFailed } from '@app/shared-kernel';
import { CurrentUser, Expensive, IfMatch, Roles, setETag, type AuthUser } from '../http';
import { commandMeta } from '../participation/command-meta';
import {
  CancelPayoutBatchDto,
  DraftedBatchDto,
  DraftPayoutBatchDto,
  RecordPaymentsDto,
} from './dto/payout-batch.dto';
import { ApiCommand, ApiIfMatch, ApiProblems } from '../http/openapi/problem-responses';
import { BatchChangedView, PayoutBatchView, PayoutExportView } from './dto/payout-batch.responses';
import { writeStreamed } from './stream-response';

const BATCH_ID = ApiParam({ name: 'id', description: 'The payout batch id' });

@ApiTags('payout-batches')
@ApiExtraModels(PayoutExportView)
@ApiBearerAuth()
@Controller('v1/payout-batches')
export class PayoutBatchesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly batches: PayoutBatchQueries,
    private readonly exporter: PayoutExporter,
  ) {}

  /** Drafts a batch of everything owed up to periodEnd and not yet in a live batch; 422 when nothing is. */
  @Post()
  @Roles('finance')
  @Expensive('payout-draft')
  @ApiCreatedResponse({ type: DraftedBatchDto })
  @ApiOperation({
    summary: 'Draft a payout batch (utbetalingsgrunnlag)',
    description:
      'Everything owed up to `periodEnd` (optionally of one organisation) and not yet in a live batch, oldest involvements first and whole, up to the batch bound (50 000 000 kr moved); what did not fit stays owed and is counted in `leftForNextBatch`. 422 when nothing is payable, or when one involvement alone exceeds the bound.',
  })
  @ApiCommand()
  draft(
    @Body() body: DraftPayoutBatchDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ): Promise<DraftedBatch> {
    return this.commands.execute(new DraftPayoutBatchCommand(body, commandMeta(req, user)));
  }

  @Get(':id')
  @Roles('finance', 'auditor')
  @ApiOperation({
    summary: 'Read a payout batch',
    description: `The batch with one page of its lines in draft order (\`limit\`, default ${DEFAULT_LINE_LIMIT}, at most ${MAX_LINE_LIMIT}); \`next\` is the \`after\` of the next page, null on the last. \`lineCount\` and \`totalOre\` are the whole batch's. \`ETag\` is its version.`,
  })
  @BATCH_ID
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: MAX_LINE_LIMIT, default: DEFAULT_LINE_LIMIT },
    description: 'lines per page',
  })
  @ApiQuery({
    name: 'after',
    required: false,
    schema: { type: 'string', pattern: '^[\\w-]{1,100}$' },
    description: 'the lineId of the last line of the previous page (its `next`)',
  })
  @ApiOkResponse({ type: PayoutBatchView })
  @ApiProblems(400, 404)
  async get(
    @Param('id') id: string,
    @Query('limit') limit: unknown,
    @Query('after') after: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    const batch = await this.batches.batch(id, parseLinePaging({ limit, after }));
    setETag(res, batch.version);
    return batch;
  }

  /** By a finance user other than the batch's creator (403 for the creator). */
  @Post(':id/approve')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({
    summary: 'Approve a payout batch',
    description:
      'Four eyes: by a finance user other than its creator (403 for the creator); 409 unless it is a draft.',
  })
  @BATCH_ID
  @ApiOkResponse({ type: BatchChangedView })
  @ApiCommand(404)
  @ApiIfMatch()
  approve(
    @Param('id') id: string,
    @IfMatch() ifMatch: number | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.commands.execute(new ApprovePayoutBatchCommand(id, commandMeta(req, user, ifMatch)));
  }

  /** 409 once any line is paid. */
  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({
    summary: 'Cancel a payout batch',
    description: 'Its lines become payable again; 409 once any line is paid.',
  })
  @BATCH_ID
  @ApiOkResponse({ type: BatchChangedView })
  @ApiCommand(404)
  @ApiIfMatch()
  cancel(
    @Param('id') id: string,
    @Body() body: CancelPayoutBatchDto,
    @IfMatch() ifMatch: number | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.commands.execute(
      new CancelPayoutBatchCommand(id, body.reason, commandMeta(req, user, ifMatch)),
    );
  }

  /** Paid (with reference) or failed (with reason) per line; a repeated result changes nothing. */
  @Post(':id/payments')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({
    summary: 'Record payment results',
    description:
      'Paid (with reference) or failed (with reason) per line of an approved batch; a repeated result changes nothing.',
  })
  @BATCH_ID
  @ApiOkResponse({ type: BatchChangedView })
  @ApiCommand(404)
  @ApiIfMatch()
  payments(
    @Param('id') id: string,
    @Body() body: RecordPaymentsDto,
    @IfMatch() ifMatch: number | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ) {
    return this.commands.execute(
      new RecordPaymentResultsCommand(id, body.results, commandMeta(req, user, ifMatch)),
    );
  }

  /**
   * The file finance imports: payee, national id, bank account, income type,
   * taxable and tax-free amounts per line and totals. CSV: UTF-8 with BOM,
   * `;`, CRLF, kroner with a decimal comma. JSON: amounts in øre. Logged in the access log.
   */
  @Get(':id/export')
  @Roles('finance')
  @Expensive('payout-export')
  @ApiQuery({ name: 'format', required: false, enum: ['csv', 'json'], description: 'default json' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary: 'Export an approved batch for payment',
    description:
      'Payee, national id, bank account, income type, taxable and tax-free amounts per line. CSV: UTF-8 with BOM, `;`, CRLF, kroner with a decimal comma. JSON: øre. 409 while a draft or cancelled. Logged in the access log.',
  })
  @BATCH_ID
  @ApiOkResponse({
    description: 'The file finance imports',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(PayoutExportView) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ApiProblems(400, 404, 409)
  async export(
    @Param('id') id: string,
    @Query('format') format: string | undefined,
    @CurrentUser() user: AuthUser,
    @Res() res: Response,
  ): Promise<void> {
    const chosen = format ?? 'json';
    if (chosen !== 'csv' && chosen !== 'json')
      throw new ValidationFailed([{ field: 'format', message: 'must be csv or json' }]);
    // Every refusal (404, 409, 422) comes from open(), before the first byte: it stays problem+json.
    const opened = await this.exporter.open(id, chosen, { actor: user.sub, roles: user.roles });
    try {
      res.status(200);
      if (chosen === 'json') res.setHeader('Content-Type', 'application/json; charset=utf-8');
      else {
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="payout-batch-${id}.csv"`);
      }
      await writeStreamed(res, exportText(opened, chosen));
    } catch (error) {
      if (!res.headersSent) throw error;
      res.destroy(error instanceof Error ? error : undefined);
    } finally {
      await opened.close();
    }
  }
}
