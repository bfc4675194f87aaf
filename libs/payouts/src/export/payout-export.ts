import { Injectable } from '@nestjs/common';
import { AccessLog } from '@app/audit';
import {
  EventSourcedRepository,
  isForgotten,
  participantDecider,
  PersonalDataVault,
  type ParticipantPersonalData,
} from '@app/participation';
import { Conflict, sumOre } from '@app/shared-kernel';
import { lineStatus, refuseBeyondBound } from '../domain';
import { PayoutBatchQueries } from '../queries/payout-batch.queries';
import type { PayoutExport } from './payout-export.types';

type Payee = Pick<ParticipantPersonalData, 'name' | 'nationalId' | 'bankAccount'> | null;

/**
 * The file finance imports for an approved (or settled) batch: each line with
 * the payee's name, national id and bank account opened from the vault, the
 * income type and the taxable / tax-free split. Every export is recorded in
 * the access log, for the batch and for each person whose data it opened.
 */
@Injectable()
export class PayoutExporter {
  constructor(
    private readonly batches: PayoutBatchQueries,
    private readonly repository: EventSourcedRepository,
    private readonly vault: PersonalDataVault,
    private readonly accessLog: AccessLog,
  ) {}

  async export(
    batchId: string,
    format: 'csv' | 'json',
    reader: { actor: string; roles: readonly string[] },
  ): Promise<PayoutExport> {
    const { batch } = await this.batches.load(batchId);
    if (batch.status === 'draft' || batch.status === 'cancelled')
      throw new Conflict(
        `Payout batch ${batchId} is ${batch.status}; only an approved batch is exported for payment`,
      );
    // Only a batch approved before the bound existed can be beyond it: 422, never a file with a wrong total.
    refuseBeyondBound(batch.lines, `Payout batch ${batchId}`);
    const participantIds = [...new Set(batch.lines.map((l) => l.participantId))];
    const payees = new Map(
      await Promise.all(participantIds.map(async (id) => [id, await this.payee(id)] as const)),
    );
    await this.accessLog.record({
      actor: reader.actor,
      roles: reader.roles,
      action: 'export-payout-batch',
      subject: batchId,
      detail: { format, participantIds },
    });
    for (const id of participantIds)
      await this.accessLog.record({
        actor: reader.actor,
        roles: reader.roles,
        action: 'read-personal-data',
        subject: id,
        detail: { via: 'payout-batch-export', batchId, format },
      });
    const lines = batch.lines.map((l) => {
      const payee = payees.get(l.participantId) ?? null;
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
        status: lineStatus(batch, l.lineId),
      };
    });
    return {
      batchId,
      status: batch.status,
      periodEnd: batch.periodEnd,
      organizationId: batch.organizationId,
      createdBy: batch.createdBy,
      approvedBy: batch.approvedBy,
      currency: 'NOK',
      amountUnit: 'ore',
      lines,
      totals: {
        lineCount: lines.length,
        taxableOre: sumOre(lines.map((l) => l.taxableOre)),
        taxFreeOre: sumOre(lines.map((l) => l.taxFreeOre)),
        totalOre: sumOre(lines.map((l) => l.amountOre)),
      },
    };
  }

  /** The payee's data, or null when the person is forgotten (their data is erased for good). */
  private async payee(participantId: string): Promise<Payee> {
    const { state } = await this.repository.load(`participant-${participantId}`, participantDecider);
    if (state.status !== 'registered') return null;
    const opened = await this.vault.open<ParticipantPersonalData>(participantId, state.sealed);
    if (isForgotten(opened)) return null;
    return { name: opened.name, nationalId: opened.nationalId, bankAccount: opened.bankAccount };
  }
}
