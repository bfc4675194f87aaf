import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { signDevToken } from '../apps/api/src/http/auth/dev-token';
import {
  loadAverage,
  peakRssMb,
  projectionsCaughtUp,
  startCompiledApp,
  type Answer,
  type CompiledApp,
} from './support/compiled-app';
import {
  benchConfig,
  rebuildEveryProjection,
  withApplication,
  type RebuildTimes,
} from './support/in-process-app';
import { treeCpuSeconds } from './support/process-cpu';
import { ORGANIZATION, YEAR, type WorldShape } from './support/scale-world';
import { seedScaleWorld, type SeededWorld } from './support/seed-scale-world';

/**
 * `npm run bench:scale` (issue 13, item 6; docs/adr/0024): what the money
 * views cost as history grows. For each size in `--sizes` (default
 * 25000,100000) a fresh region is seeded through the application layer in
 * this process (the app's command handlers on the command bus, no HTTP):
 * 2,000 participants appointed to 200 user councils of one health trust, the
 * given number of council meetings over 2025, about 3 % corrected and 1 %
 * voided, and a payment round (January–June drafted, approved by a second
 * person, the bank's results recorded, 2 % failed). Then the compiled app
 * (`npm start` on the same DATA_DIR) serves, and through HTTP it times: the
 * draft of everything still owed for the year, the CSV export of it after a
 * second person approves, the participant ledger (median of several people),
 * the annual report and POST /v1/audit/verify; the app stopped, every
 * projection is rebuilt from position 0. It prints a row per size, the
 * growth from the smallest to the largest size per operation, and each of
 * the issue's targets as met or NOT met, with the load average and the API's
 * peak RSS. `--quick` (sizes 120,240 by 20 people in 4 councils) is the smoke
 * run a test starts; its figures mean nothing.
 */
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const MAX_SIZE = 200_000;
const PARTICIPANTS = QUICK ? 20 : numberArgument('--participants', 2_000);
const PROJECTS = QUICK ? 4 : numberArgument('--projects', 200);
const SIZES = parseSizes(argument('--sizes'));
const LEDGER_READS = QUICK ? 3 : 11;

/** `--name value` or `--name=value`. */
function argument(name: string): string | undefined {
  const joined = args.find((a) => a.startsWith(`${name}=`));
  if (joined !== undefined) return joined.slice(name.length + 1);
  const at = args.indexOf(name);
  return at >= 0 ? (args[at + 1] ?? '') : undefined;
}

function numberArgument(name: string, fallback: number): number {
  const value = argument(name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000)
    throw new Error(`${name}: a whole number from 1 to 100000`);
  return n;
}

function parseSizes(value: string | undefined): number[] {
  if (value === undefined) return QUICK ? [120, 240] : [25_000, 100_000];
  const sizes = value.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < PARTICIPANTS || n > MAX_SIZE))
    throw new Error(
      `--sizes: whole numbers from ${PARTICIPANTS} (the participants) to ${MAX_SIZE}, comma-separated (got ${value})`,
    );
  return [...sizes].sort((a, b) => a - b);
}

interface Row {
  involvements: number;
  events: number;
  seeded: SeededWorld;
  seedSeconds: number;
  payoutLines: number;
  unpriced: number;
  draft: number;
  csvExport: number;
  csvBytes: number;
  ledger: number;
  annualReport: number;
  verify: number;
  verifiedEvents: number;
  rebuild: RebuildTimes;
  /** CPU seconds per operation: the API and its PostgreSQL (for the rebuild: this process and its PostgreSQL). */
  cpu: Partial<Record<Operation, number>>;
  peakRssMb: number | undefined;
  /** The API's peak RSS once caught up and after each operation: which one raised it. */
  peakRssAfter: Array<[string, number | undefined]>;
  load: string;
}

type Operation = 'draft' | 'csvExport' | 'ledger' | 'annualReport' | 'verify' | 'rebuild';
const OPERATIONS: readonly Operation[] = [
  'draft',
  'csvExport',
  'ledger',
  'annualReport',
  'verify',
  'rebuild',
];
const LABELS: Record<Operation, string> = {
  draft: 'draft',
  csvExport: 'CSV export',
  ledger: 'ledger (median)',
  annualReport: 'annual report',
  verify: 'verify',
  rebuild: 'rebuild (all projections)',
};
const secondsOf = (row: Row, operation: Operation) =>
  operation === 'rebuild' ? row.rebuild.seconds : row[operation];

/** The issue's targets at 100,000 involvements; events/s for verify and rebuild, seconds for the rest. */
const TARGETS: Record<Operation, { text: string; met: (row: Row) => boolean }> = {
  draft: { text: '≤ 5 s', met: (r) => r.draft <= 5 },
  csvExport: { text: '≤ 3 s', met: (r) => r.csvExport <= 3 },
  ledger: { text: '≤ 50 ms', met: (r) => r.ledger <= 0.05 },
  annualReport: { text: '≤ 1 s', met: (r) => r.annualReport <= 1 },
  verify: { text: '≥ 100,000 events/s', met: (r) => r.verifiedEvents / r.verify >= 100_000 },
  rebuild: { text: '≥ 20,000 events/s', met: (r) => r.rebuild.events / r.rebuild.seconds >= 20_000 },
};
/** Growth allowed from 25,000 to 100,000 (×4 work): 4.5× the time; other sizes scale it by their work ratio. */
const GROWTH_PER_WORK = 4.5 / 4;

interface Tokens {
  drafter: string;
  approver: string;
  auditor: string;
}

async function tokens(app: CompiledApp): Promise<Tokens> {
  const secret = app.devSecret();
  const sign = (sub: string, role: 'finance' | 'auditor') =>
    signDevToken({ sub, name: sub, roles: [role], expires: '4h' }, secret);
  return {
    drafter: await sign('finance-frode', 'finance'),
    approver: await sign('finance-fiona', 'finance'),
    auditor: await sign('auditor-aud', 'auditor'),
  };
}

function expectStatus(answer: Answer, status: number, what: string): Answer {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${answer.body.slice(0, 500)}`);
  return answer;
}

interface Timed {
  seconds: number;
  /** CPU seconds the API and its PostgreSQL spent meanwhile, when /proc tells. */
  cpu: number | undefined;
  answer: Answer;
}

async function timed(pid: number | undefined, what: () => Promise<Answer>): Promise<Timed> {
  const cpuBefore = treeCpuSeconds(pid);
  const started = process.hrtime.bigint();
  const answer = await what();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = treeCpuSeconds(pid);
  return {
    seconds,
    cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
    answer,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The HTTP part: the compiled app on the seeded DATA_DIR, each operation timed on caught-up projections. */
async function timeThroughHttp(dataDir: string, seeded: SeededWorld) {
  const app = await startCompiledApp(4, dataDir);
  try {
    await projectionsCaughtUp(app, 60 * 60_000);
    const peakRssAfter: Array<[string, number | undefined]> = [['catch-up', peakRssMb(app.pid)]];
    const t = await tokens(app);
    const draft = await timed(app.pid, () =>
      app.call('POST', '/v1/payout-batches', t.drafter, {
        periodEnd: `${YEAR}-12-31`,
        organizationId: ORGANIZATION,
      }),
    );
    expectStatus(draft.answer, 201, 'the draft');
    peakRssAfter.push(['draft', peakRssMb(app.pid)]);
    const batch = JSON.parse(draft.answer.body) as { id: string; lineCount: number; unpriced: unknown[] };
    expectStatus(
      await app.call('POST', `/v1/payout-batches/${batch.id}/approve`, t.approver),
      200,
      'the approval',
    );
    await projectionsCaughtUp(app);
    const csv = await timed(app.pid, () =>
      app.call('GET', `/v1/payout-batches/${batch.id}/export?format=csv`, t.drafter),
    );
    expectStatus(csv.answer, 200, 'the CSV export');
    peakRssAfter.push(['approval and CSV', peakRssMb(app.pid)]);
    await projectionsCaughtUp(app);
    const ledgerTimes: number[] = [];
    const ledgerCpu: number[] = [];
    const people = seeded.participantIds;
    for (let n = 0; n < LEDGER_READS; n++) {
      const participantId = people[Math.floor((n * people.length) / LEDGER_READS)];
      const read = await timed(app.pid, () =>
        app.call('GET', `/v1/participants/${participantId}/honorarium`, t.drafter),
      );
      expectStatus(read.answer, 200, 'a participant ledger');
      ledgerTimes.push(read.seconds);
      if (read.cpu !== undefined) ledgerCpu.push(read.cpu);
    }
    peakRssAfter.push(['ledger', peakRssMb(app.pid)]);
    const report = await timed(app.pid, () =>
      app.call('GET', `/v1/reports/annual?year=${YEAR}&organizationId=${ORGANIZATION}`, t.auditor),
    );
    expectStatus(report.answer, 200, 'the annual report');
    peakRssAfter.push(['report', peakRssMb(app.pid)]);
    await projectionsCaughtUp(app);
    const verify = await timed(app.pid, () => app.call('POST', '/v1/audit/verify', t.auditor));
    expectStatus(verify.answer, 200, 'verify');
    peakRssAfter.push(['verify', peakRssMb(app.pid)]);
    const verified = JSON.parse(verify.answer.body) as { verified: boolean; events: number };
    if (!verified.verified) throw new Error(`verify found failures: ${verify.answer.body.slice(0, 500)}`);
    return {
      payoutLines: batch.lineCount,
      unpriced: batch.unpriced.length,
      draft: draft.seconds,
      csvExport: csv.seconds,
      csvBytes: csv.answer.bytes,
      ledger: median(ledgerTimes),
      annualReport: report.seconds,
      verify: verify.seconds,
      verifiedEvents: verified.events,
      cpu: {
        draft: draft.cpu,
        csvExport: csv.cpu,
        // Per read, over all of them: one read is a few of /proc's 10 ms ticks.
        ledger:
          ledgerCpu.length === LEDGER_READS ? ledgerCpu.reduce((a, b) => a + b, 0) / LEDGER_READS : undefined,
        annualReport: report.cpu,
        verify: verify.cpu,
      },
      peakRssMb: peakRssMb(app.pid),
      peakRssAfter,
    };
  } finally {
    await app.stop();
  }
}

async function measure(size: number): Promise<Row> {
  const shape: WorldShape = { involvements: size, participants: PARTICIPANTS, projects: PROJECTS };
  const dataDir = mkdtempSync(join(tmpdir(), 'bm-bench-scale-'));
  try {
    const config = benchConfig(dataDir);
    const seedStarted = Date.now();
    const seeded = await withApplication(config, true, (app) => seedScaleWorld(app, shape));
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    process.stderr.write(`  seeded ${size} involvements in ${seconds(seedSeconds)}; timing through HTTP\n`);
    const load = loadAverage();
    const http = await timeThroughHttp(dataDir, seeded);
    process.stderr.write(`  rebuilding every projection\n`);
    const rebuild = await withApplication(config, false, async (app) => {
      const cpuBefore = treeCpuSeconds(process.pid);
      const times = await rebuildEveryProjection(app);
      const cpuAfter = treeCpuSeconds(process.pid);
      return {
        times,
        cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
      };
    });
    return {
      involvements: size,
      events: rebuild.times.events,
      seeded,
      seedSeconds,
      ...http,
      cpu: { ...http.cpu, rebuild: rebuild.cpu },
      rebuild: rebuild.times,
      load,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const seconds = (s: number) =>
  s < 1 ? `${(s * 1000).toFixed(s < 0.1 ? 1 : 0)} ms` : `${s.toFixed(s < 10 ? 2 : 1)} s`;
const grouped = (n: number) => Math.round(n).toLocaleString('en-GB');
const perSecond = (events: number, s: number) => `${grouped(events / s)} events/s`;

function cell(row: Row, operation: Operation): string {
  if (operation === 'verify') return `${seconds(row.verify)} (${perSecond(row.verifiedEvents, row.verify)})`;
  if (operation === 'rebuild')
    return `${seconds(row.rebuild.seconds)} (${perSecond(row.rebuild.events, row.rebuild.seconds)})`;
  return seconds(row[operation]);
}

function printTable(rows: readonly Row[]): void {
  const header = [
    'involvements',
    'events',
    'payout lines',
    ...OPERATIONS.map((o) => LABELS[o]),
    'API peak RSS',
    'seeded in',
    'load average',
  ];
  console.log(`\n| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const r of rows)
    console.log(
      `| ${[
        grouped(r.involvements),
        grouped(r.events),
        grouped(r.payoutLines),
        ...OPERATIONS.map((o) => cell(r, o)),
        r.peakRssMb === undefined ? 'n/a' : `${r.peakRssMb} MB`,
        seconds(r.seedSeconds),
        r.load,
      ].join(' | ')} |`,
    );
  console.log(
    `\nCPU per operation (the API process and its PostgreSQL; the rebuild: the bench's process and its PostgreSQL; the ledger: the mean per read), which the machine's load hardly changes:`,
  );
  console.log(`| involvements | ${OPERATIONS.map((o) => LABELS[o]).join(' | ')} |`);
  console.log(`|---|${OPERATIONS.map(() => '---').join('|')}|`);
  for (const r of rows)
    console.log(
      `| ${grouped(r.involvements)} | ${OPERATIONS.map((o) => {
        const cpu = r.cpu[o];
        return cpu === undefined ? 'n/a' : `${seconds(cpu)} CPU`;
      }).join(' | ')} |`,
    );
  const small = rows[0];
  const large = rows[rows.length - 1];
  if (rows.length > 1) {
    const work = large.involvements / small.involvements;
    const limit = GROWTH_PER_WORK * work;
    console.log(
      `\ngrowth ${grouped(small.involvements)} → ${grouped(large.involvements)} (×${work.toFixed(1)} work; target ≤ ×${limit.toFixed(2)} time each):`,
    );
    for (const o of OPERATIONS) {
      const growth = secondsOf(large, o) / secondsOf(small, o);
      const smallCpu = small.cpu[o];
      const largeCpu = large.cpu[o];
      const cpuGrowth =
        smallCpu !== undefined && largeCpu !== undefined && smallCpu > 0
          ? `, ×${(largeCpu / smallCpu).toFixed(2)} CPU`
          : '';
      console.log(
        `  ${LABELS[o]}: ×${growth.toFixed(2)} time${cpuGrowth} — ${growth <= limit ? 'met' : 'NOT met'}`,
      );
    }
  }
  console.log(
    `\ntargets at ${grouped(large.involvements)} involvements (the issue's are for 100,000), load average ${loadAverage()}:`,
  );
  for (const o of OPERATIONS)
    console.log(
      `  ${LABELS[o]} ${TARGETS[o].text}: ${cell(large, o)} — ${TARGETS[o].met(large) ? 'met' : 'NOT met'}`,
    );
}

async function main(): Promise<void> {
  console.log(
    `bench:scale${QUICK ? ' --quick' : ''}: sizes ${SIZES.map(grouped).join(', ')}; ${grouped(PARTICIPANTS)} participants in ${PROJECTS} user councils of one health trust (${ORGANIZATION}), year ${YEAR}, seeded through the command bus; load average ${loadAverage()} on ${cpus().length} cores`,
  );
  const rows: Row[] = [];
  for (const size of SIZES) {
    const row = await measure(size);
    const slowest = [...row.rebuild.perProjection].sort((a, b) => b.seconds - a.seconds).slice(0, 3);
    console.log(
      `${grouped(size)} involvements (${row.seeded.corrected} corrected, ${row.seeded.voided} voided; payment round ${grouped(row.seeded.paymentRound.lines)} lines, ${row.seeded.paymentRound.failed} failed), ${grouped(row.events)} events: seeded in ${seconds(row.seedSeconds)}; draft ${seconds(row.draft)} (${grouped(row.payoutLines)} lines, ${row.unpriced} unpriced), CSV ${seconds(row.csvExport)} (${grouped(row.csvBytes)} bytes), ledger ${seconds(row.ledger)}, report ${seconds(row.annualReport)}, verify ${seconds(row.verify)} (${grouped(row.verifiedEvents)} events), rebuild ${seconds(row.rebuild.seconds)} (slowest: ${slowest.map((p) => `${p.name} ${seconds(p.seconds)}`).join(', ')}); API peak RSS after ${row.peakRssAfter.map(([after, mb]) => `${after} ${mb ?? 'n/a'} MB`).join(', ')}; load ${row.load}`,
    );
    rows.push(row);
  }
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
