import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  AppointCommand,
  ChangeInvolvementCommand,
  LogInvolvementCommand,
  RegisterParticipantCommand,
  RegisterProjectCommand,
  type CommandMeta,
} from '@app/participation';
import {
  ApprovePayoutBatchCommand,
  DraftPayoutBatchCommand,
  RecordPaymentResultsCommand,
  type DraftedBatch,
} from '@app/payouts';
import { ProjectionRuntime } from '@app/platform';
import {
  isCorrected,
  isVoided,
  ORGANIZATION,
  PAYMENT_ROUND_END,
  paymentFails,
  plannedInvolvement,
  REGION,
  YEAR,
  type WorldShape,
} from './scale-world';

/** Commands in flight at once: enough to fill each durable append's group commit on two cores. */
const CONCURRENCY = 32;
/** Payment results per message, as a bank returns a round in parts. */
const RESULTS_PER_MESSAGE = 5_000;
const CATCH_UP_MS = 60 * 60_000;

export interface SeededWorld {
  participantIds: string[];
  involvementIds: string[];
  corrected: number;
  voided: number;
  paymentRound: { lines: number; failed: number };
}

const meta = (actor: string, roles: string[]): CommandMeta => ({
  actor,
  roles,
  correlationId: randomUUID(),
});
const ADMIN = () => meta('bench-admin', ['admin']);
const DRAFTER = () => meta('finance-frode', ['finance']);
const APPROVER = () => meta('finance-fiona', ['finance']);

/** Runs `work(i)` for i in [0, count) with at most CONCURRENCY in flight; reports progress on stderr. */
async function pooled(label: string, count: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  let done = 0;
  const started = Date.now();
  const report = setInterval(() => {
    const rate = done / ((Date.now() - started) / 1000);
    process.stderr.write(`  ${label}: ${done} of ${count} (${rate.toFixed(0)}/s)\n`);
  }, 15_000);
  try {
    const worker = async () => {
      for (let i = next++; i < count; i = next++) {
        await work(i);
        done += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count) }, worker));
  } finally {
    clearInterval(report);
  }
}

/**
 * Seeds the region through the application's own command handlers, in this
 * process (no HTTP, no tokens): every event, seal and projection row is the
 * one the app writes. Projections run in the same process meanwhile; logging
 * waits for the appointments read model, which it consults.
 */
export async function seedScaleWorld(app: INestApplicationContext, shape: WorldShape): Promise<SeededWorld> {
  const bus = app.get(CommandBus);
  const runtime = app.get(ProjectionRuntime);
  const execute = <T>(command: object): Promise<T> => bus.execute(command as never);

  const projectIds: string[] = new Array<string>(shape.projects);
  await pooled('projects', shape.projects, async (p) => {
    const { id } = await execute<{ id: string }>(
      new RegisterProjectCommand(
        {
          name: `Brukerutvalg ${p + 1}`,
          organizationId: ORGANIZATION,
          region: REGION,
          level: p % 2 === 0 ? 'system' : 'service',
        },
        ADMIN(),
      ),
    );
    projectIds[p] = id;
  });
  const participantIds: string[] = new Array<string>(shape.participants);
  await pooled('participants', shape.participants, async (n) => {
    const { id } = await execute<{ id: string }>(
      new RegisterParticipantCommand(
        { name: `Deltaker ${n + 1} Østbø`, bankAccount: '1234.56.78903' },
        ADMIN(),
      ),
    );
    participantIds[n] = id;
    await execute(
      new AppointCommand(
        projectIds[n % shape.projects],
        {
          participantId: id,
          role: 'member',
          nominatedBy: 'Brukerutvalget',
          appointedBy: 'Styret',
          from: `${YEAR - 1}-12-01`,
        },
        ADMIN(),
      ),
    );
  });
  await runtime.caughtUp(CATCH_UP_MS);

  const involvementIds: string[] = new Array<string>(shape.involvements);
  await pooled('involvements', shape.involvements, async (i) => {
    const planned = plannedInvolvement(i, shape);
    const { id } = await execute<{ id: string }>(
      new LogInvolvementCommand(
        projectIds[planned.participant % shape.projects],
        { participantId: participantIds[planned.participant], ...planned.body },
        ADMIN(),
      ),
    );
    involvementIds[i] = id;
  });
  const changed = involvementIds.map((_, i) => i).filter((i) => isCorrected(i) || isVoided(i));
  await pooled('corrections and voids', changed.length, async (n) => {
    const i = changed[n];
    const planned = plannedInvolvement(i, shape);
    await execute(
      new ChangeInvolvementCommand(
        involvementIds[i],
        isVoided(i)
          ? { kind: 'void', reason: 'Registrert ved en feil' }
          : {
              kind: 'correct',
              changes: { hours: { ...planned.body.hours, meeting: planned.body.hours.meeting + 0.5 } },
              reason: 'Møtet varte en halvtime lenger',
            },
        ADMIN(),
      ),
    );
  });
  await runtime.caughtUp(CATCH_UP_MS);
  const paymentRound = await payFirstHalf(app, execute);
  await runtime.caughtUp(CATCH_UP_MS);
  return {
    participantIds,
    involvementIds,
    corrected: changed.filter(isCorrected).length,
    voided: changed.filter(isVoided).length,
    paymentRound,
  };
}

/** Drafts what is owed up to 30 June, has a second person approve it, and records the bank's results. */
async function payFirstHalf(
  app: INestApplicationContext,
  execute: <T>(command: object) => Promise<T>,
): Promise<{ lines: number; failed: number }> {
  const draft = await execute<DraftedBatch>(
    new DraftPayoutBatchCommand({ periodEnd: PAYMENT_ROUND_END, organizationId: ORGANIZATION }, DRAFTER()),
  );
  await execute(new ApprovePayoutBatchCommand(draft.id, APPROVER()));
  await app.get(ProjectionRuntime).caughtUp(CATCH_UP_MS);
  const rows: Array<{ line_id: string }> = await app
    .get(DataSource)
    .query('SELECT line_id FROM payout_lines WHERE batch_id = $1 ORDER BY line_no', [draft.id]);
  const results = rows.map((row, lineNo) =>
    paymentFails(lineNo)
      ? { lineId: row.line_id, status: 'failed', reason: 'Kontoen er stengt' }
      : { lineId: row.line_id, status: 'paid', reference: `BANK-${YEAR}-${lineNo}` },
  );
  for (let from = 0; from < results.length; from += RESULTS_PER_MESSAGE)
    await execute(
      new RecordPaymentResultsCommand(draft.id, results.slice(from, from + RESULTS_PER_MESSAGE), DRAFTER()),
    );
  return { lines: rows.length, failed: results.filter((r) => r.status === 'failed').length };
}
