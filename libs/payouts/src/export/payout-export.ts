import { Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import { AccessLog } from '@app/audit';
import {
  EventSourcedRepository,
  isForgotten,
  participantDecider,
  PersonalDataVault,
  type ParticipantPersonalData,
  type SealedPersonalData,
} from '@app/participation';
import { Conflict } from '@app/shared-kernel';
import { refuseBeyondBound } from '../domain';
import { PayoutReadModel, type StoredLine } from '../queries/payout-read-model';
import type { PayoutExport, PayoutExportLine, PayoutExportTotals } from './payout-export.types';

type Payee = Pick<ParticipantPersonalData, 'name' | 'nationalId' | 'bankAccount'> | null;

/** Lines read from PostgreSQL per page while an export streams. */
export const EXPORT_PAGE = 1000;

/** Payees whose streams and keys are read together while an export streams (docs/adr/0024, "Export: payees in bulk"). */
export const PAYEE_CHUNK = 500;

/** An export checked and logged, ready to stream: no byte is written before `open` has answered. */
export interface OpenedExport {
  header: Omit<PayoutExport, 'lines' | 'totals'>;
  totals: PayoutExportTotals;
  /** The lines in draft order, a page at a time, from the snapshot the export was opened on. */
  pages(): AsyncGenerator<PayoutExportLine[]>;
  /** Ends the snapshot and returns its connection (after the last page, or when the client went away). */
  close(): Promise<void>;
}

/**
 * The file finance imports for an approved (or settled) batch: each line with
 * the payee's name, national id and bank account opened from the vault, the
 * income type and the taxable / tax-free split. Every export is recorded in
 * the access log, for the batch and for each person whose data it opened.
 *
 * Streamed (docs/adr/0024): `open` checks the batch, sums its totals in SQL
 * and writes the access log, all in one REPEATABLE READ snapshot of the
 * payout read model; the lines then follow in pages of EXPORT_PAGE by
 * keyset on their place in the batch. Memory holds one page and one payee per
 * person, never the whole batch. The payees a page brings are read in chunks
 * of PAYEE_CHUNK (their streams in one statement, their keys in another), and
 * the access log takes its entries as multi-row INSERTs: the statements grow
 * with the pages, not with the people.
 */
@Injectable()
export class PayoutExporter {
  constructor(
    private readonly db: DataSource,
    private readonly readModel: PayoutReadModel,
    private readonly repository: EventSourcedRepository,
    private readonly vault: PersonalDataVault,
    private readonly accessLog: AccessLog,
  ) {}

  async open(
    batchId: string,
    format: 'csv' | 'json',
    reader: { actor: string; roles: readonly string[] },
  ): Promise<OpenedExport> {
    await this.readModel.caughtUp();
    const runner = this.db.createQueryRunner();
    await runner.connect();
    const close = async () => {
      if (runner.isReleased) return;
      if (runner.isTransactionActive) await runner.commitTransaction();
      await runner.release();
    };
    try {
      await runner.startTransaction('REPEATABLE READ');
      const batch = await this.readModel.header(runner, batchId);
      if (batch.status === 'draft' || batch.status === 'cancelled')
        throw new Conflict(
          `Payout batch ${batchId} is ${batch.status}; only an approved batch is exported for payment`,
        );
      const sums = await totalsOf(runner, batchId);
      // Only a batch approved before the bound existed can be beyond it: 422, never a file with a wrong total.
      refuseBeyondBound([{ amountOre: sums.movedOre }], `Payout batch ${batchId}`);
      const participantIds = await participantsOf(runner, batchId);
      await this.logExport(batchId, format, reader, participantIds);
      return {
        header: {
          batchId,
          status: batch.status,
          periodEnd: batch.periodEnd,
          organizationId: batch.organizationId,
          createdBy: batch.createdBy,
          approvedBy: batch.approvedBy,
          currency: 'NOK',
          amountUnit: 'ore',
        },
        totals: sums.totals,
        pages: () => this.pages(runner, batchId),
        close,
      };
    } catch (error) {
      await close();
      throw error;
    }
  }

  private async *pages(runner: QueryRunner, batchId: string): AsyncGenerator<PayoutExportLine[]> {
    const payees = new Map<string, Payee>();
    for (let afterNo = -1; ;) {
      const page = await this.readModel.lines(runner, batchId, afterNo, EXPORT_PAGE);
      if (page.length === 0) return;
      const unseen = [...new Set(page.map((l) => l.participantId))].filter((id) => !payees.has(id));
      for (let start = 0; start < unseen.length; start += PAYEE_CHUNK)
        for (const [id, payee] of await this.payees(unseen.slice(start, start + PAYEE_CHUNK)))
          payees.set(id, payee);
      yield page.map((l) => exportLine(l, payees.get(l.participantId) ?? null));
      if (page.length < EXPORT_PAGE) return;
      afterNo = page[page.length - 1].lineNo;
    }
  }

  private async logExport(
    batchId: string,
    format: 'csv' | 'json',
    reader: { actor: string; roles: readonly string[] },
    participantIds: readonly string[],
  ): Promise<void> {
    await this.accessLog.recordMany([
      {
        actor: reader.actor,
        roles: reader.roles,
        action: 'export-payout-batch',
        subject: batchId,
        detail: { format, participantIds },
      },
      ...participantIds.map((id) => ({
        actor: reader.actor,
        roles: reader.roles,
        action: 'read-personal-data',
        subject: id,
        detail: { via: 'payout-batch-export', batchId, format },
      })),
    ]);
  }

  /**
   * The payees' data, null for a person who is forgotten (their data is
   * erased for good): their streams read together, their keys unwrapped together.
   */
  private async payees(participantIds: readonly string[]): Promise<Map<string, Payee>> {
    const streams = await this.repository.loadStreams(participantIds.map((id) => `participant-${id}`));
    const sealed = new Map<string, SealedPersonalData>();
    for (const id of participantIds) {
      const { state } = streams.get(`participant-${id}`, participantDecider);
      if (state.status === 'registered') sealed.set(id, state.sealed);
    }
    const opened = await this.vault.openMany<ParticipantPersonalData>(sealed);
    return new Map(
      participantIds.map((id): [string, Payee] => {
        const data = opened.get(id);
        if (data === undefined || isForgotten(data)) return [id, null];
        return [id, { name: data.name, nationalId: data.nationalId, bankAccount: data.bankAccount }];
      }),
    );
  }
}

function exportLine(l: StoredLine, payee: Payee): PayoutExportLine {
  return {
    lineId: l.lineId,
    participantId: l.participantId,
    payeeName: payee?.name ?? null,
    nationalId: payee?.nationalId ?? null,
    bankAccount: payee?.bankAccount ?? null,
    personalDataErased: payee === null,
    incomeType: l.incomeType,
    kind: l.kind,
    involvementId: l.involvementId,
    occurredOn: l.occurredOn,
    taxable: l.taxable,
    taxableOre: l.taxable ? l.amountOre : 0,
    taxFreeOre: l.taxable ? 0 : l.amountOre,
    amountOre: l.amountOre,
    adjustsLineId: l.adjustsLineId,
    status: l.status,
  };
}

/** The batch's totals and the sum of its lines' absolute amounts (what it moves), in one statement. */
async function totalsOf(
  runner: QueryRunner,
  batchId: string,
): Promise<{ totals: PayoutExportTotals; movedOre: number }> {
  const [r] = (await runner.query(
    `SELECT count(*)::int AS n,
       COALESCE(sum(amount_ore) FILTER (WHERE taxable), 0)::text AS taxable,
       COALESCE(sum(amount_ore) FILTER (WHERE NOT taxable), 0)::text AS tax_free,
       COALESCE(sum(amount_ore), 0)::text AS total,
       COALESCE(sum(abs(amount_ore)), 0)::text AS moved
     FROM payout_lines WHERE batch_id = $1`,
    [batchId],
  )) as Array<{ n: number; taxable: string; tax_free: string; total: string; moved: string }>;
  return {
    totals: {
      lineCount: r.n,
      taxableOre: Number(r.taxable),
      taxFreeOre: Number(r.tax_free),
      totalOre: Number(r.total),
    },
    movedOre: Number(r.moved),
  };
}

/** The batch's participants in the order they first appear in it. */
async function participantsOf(runner: QueryRunner, batchId: string): Promise<string[]> {
  const rows = (await runner.query(
    `SELECT participant_id FROM payout_lines WHERE batch_id = $1 GROUP BY participant_id ORDER BY min(line_no)`,
    [batchId],
  )) as Array<{ participant_id: string }>;
  return rows.map((r) => r.participant_id);
}
