import 'reflect-metadata';
import { cpus } from 'node:os';
import { signDevToken } from '../apps/api/src/http/auth/dev-token';
import {
  loadAverage,
  peakRssMb,
  projectionsCaughtUp,
  startCompiledApp,
  type Answer,
  type CompiledApp,
} from './support/compiled-app';

/**
 * `npm run bench:scale` (issue 13, item 6; docs/adr/0024): what the money views
 * cost as history grows. For each size in `--sizes` (default 5000,20000;
 * 100000 is allowed) a fresh app (`npm start` on embedded defaults) is seeded
 * with a year (2025) of one organisation: 40 participants appointed to 10 user
 * councils, the given number of council involvements spread over the year, in
 * person and remote, every third in-person one with mileage. Seeding goes
 * through the application's own write path (POST /v1/projects/{id}/involvements,
 * 16 callers), so every event is the one the app writes, personal data sealed.
 * Once the projections have caught up it times, through HTTP: drafting the
 * utbetalingsgrunnlag for the year, the CSV export of it (after a second
 * person approves it), the annual report and POST /v1/audit/verify. It prints
 * one row per size and the growth ratio per operation: time per involvement at
 * the larger size ÷ at the smaller (1.0 = grows with the work; above it,
 * faster than the work). `--quick` (sizes 80,160) is the smoke run a test
 * starts; its figures mean nothing. The machine may be shared: the load
 * average is printed with each row.
 */
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const PARTICIPANTS = 40;
const PROJECTS = 10;
const CALLERS = 16;
const YEAR = 2025;
const ORGANIZATION = 'st-olavs-hospital';
const MAX_SIZE = 100_000;
const SIZES = parseSizes(sizesArgument());

/** `--sizes 5000,20000` or `--sizes=5000,20000`. */
function sizesArgument(): string | undefined {
  const joined = args.find((a) => a.startsWith('--sizes='));
  if (joined !== undefined) return joined.slice('--sizes='.length);
  const at = args.indexOf('--sizes');
  return at >= 0 ? (args[at + 1] ?? '') : undefined;
}

function parseSizes(value: string | undefined): number[] {
  if (value === undefined) return QUICK ? [80, 160] : [5_000, 20_000];
  const sizes = value.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < PARTICIPANTS || n > MAX_SIZE))
    throw new Error(
      `--sizes: whole numbers from ${PARTICIPANTS} to ${MAX_SIZE}, comma-separated (got ${value})`,
    );
  return [...sizes].sort((a, b) => a - b);
}

interface Row {
  involvements: number;
  payoutLines: number;
  seedSeconds: number;
  draft: number;
  csvExport: number;
  annualReport: number;
  verify: number;
  csvBytes: number;
  /** How long the projections took to catch up with the draft and approval before the export was timed. */
  batchProjected: number;
  verifiedEvents: number;
  peakRssMb: number | undefined;
  load: string;
}

const OPERATIONS = ['draft', 'csvExport', 'annualReport', 'verify'] as const;
const LABELS: Record<(typeof OPERATIONS)[number], string> = {
  draft: 'draft',
  csvExport: 'CSV export',
  annualReport: 'annual report',
  verify: 'verify',
};

interface Tokens {
  admin: string;
  drafter: string;
  approver: string;
  auditor: string;
}

async function tokens(app: CompiledApp): Promise<Tokens> {
  const secret = app.devSecret();
  const sign = (sub: string, role: 'admin' | 'finance' | 'auditor') =>
    signDevToken({ sub, name: sub, roles: [role], expires: '4h' }, secret);
  return {
    admin: await sign('bench-admin', 'admin'),
    drafter: await sign('finance-frode', 'finance'),
    approver: await sign('finance-fiona', 'finance'),
    auditor: await sign('auditor-aud', 'auditor'),
  };
}

function expectStatus(answer: Answer, status: number, what: string): Answer {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${answer.body.slice(0, 500)}`);
  return answer;
}

const idOf = (answer: Answer) => (JSON.parse(answer.body) as { id: string }).id;

/** The world: 10 councils of 4 appointed participants each; returns participant → project. */
async function seedPeople(
  app: CompiledApp,
  token: string,
): Promise<Array<{ participantId: string; projectId: string }>> {
  const projects: string[] = [];
  for (let p = 0; p < PROJECTS; p++)
    projects.push(
      idOf(
        expectStatus(
          await app.call('POST', '/v1/projects', token, {
            name: `Brukerutvalg ${p + 1}`,
            organizationId: ORGANIZATION,
            region: 'helse-midt-norge',
            level: p % 2 === 0 ? 'system' : 'service',
          }),
          201,
          'a project',
        ),
      ),
    );
  const people: Array<{ participantId: string; projectId: string }> = [];
  for (let n = 0; n < PARTICIPANTS; n++) {
    const participantId = idOf(
      expectStatus(
        await app.call('POST', '/v1/participants', token, {
          name: `Deltaker ${n + 1} Østbø`,
          bankAccount: '1234.56.78903',
        }),
        201,
        'a participant',
      ),
    );
    const projectId = projects[n % PROJECTS];
    expectStatus(
      await app.call('POST', `/v1/projects/${projectId}/appointments`, token, {
        participantId,
        role: 'member',
        nominatedBy: 'Brukerutvalget',
        appointedBy: 'Styret',
        from: `${YEAR - 1}-12-01`,
      }),
      201,
      'an appointment',
    );
    people.push({ participantId, projectId });
  }
  return people;
}

/**
 * The i-th involvement of `size`: participant i mod 40, its k-th of the year
 * spread evenly over 2025 (at 100,000 about seven a day, 2.5 hours each: below
 * the 24 hours one person may log a day). Odd ones remote; every third
 * in-person one with mileage.
 */
function involvement(i: number, size: number, people: ReadonlyArray<{ participantId: string }>) {
  const perPerson = Math.ceil(size / PARTICIPANTS);
  const k = Math.floor(i / PARTICIPANTS);
  const day = new Date(Date.UTC(YEAR, 0, 1) + Math.floor((k * 365) / perPerson) * 86_400_000);
  const remote = i % 2 === 1;
  return {
    participantId: people[i % PARTICIPANTS].participantId,
    form: 'user-council',
    occurredOn: day.toISOString().slice(0, 10),
    attendance: remote ? 'remote' : 'in-person',
    hours: remote ? { meeting: 1.5, preparation: 0.5 } : { meeting: 1.5, preparation: 0.5, travel: 0.5 },
    ...(!remote && i % 3 === 0 ? { expenses: [{ kind: 'mileage', km: 20 + (i % 60) }] } : {}),
    topic: 'Ny pasientreise-ordning for Trøndelag og Sápmi',
  };
}

async function seedInvolvements(
  app: CompiledApp,
  token: string,
  size: number,
  people: ReadonlyArray<{ participantId: string; projectId: string }>,
): Promise<void> {
  let next = 0;
  const caller = async () => {
    for (let i = next++; i < size; i = next++) {
      const person = people[i % PARTICIPANTS];
      expectStatus(
        await app.call(
          'POST',
          `/v1/projects/${person.projectId}/involvements`,
          token,
          involvement(i, size, people),
          {
            'Idempotency-Key': `scale-${size}-${i}`,
          },
        ),
        201,
        `involvement ${i}`,
      );
    }
  };
  await Promise.all(Array.from({ length: CALLERS }, caller));
}

async function timed(what: () => Promise<Answer>): Promise<{ seconds: number; answer: Answer }> {
  const started = process.hrtime.bigint();
  const answer = await what();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, answer };
}

async function timedVoid(what: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await what();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function measure(size: number): Promise<Row> {
  const app = await startCompiledApp(CALLERS);
  try {
    const t = await tokens(app);
    const seedStarted = Date.now();
    const people = await seedPeople(app, t.admin);
    await seedInvolvements(app, t.admin, size, people);
    await projectionsCaughtUp(app);
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const load = loadAverage();

    const draft = await timed(() =>
      app.call('POST', '/v1/payout-batches', t.drafter, {
        periodEnd: `${YEAR}-12-31`,
        organizationId: ORGANIZATION,
      }),
    );
    expectStatus(draft.answer, 201, 'the draft');
    const batch = JSON.parse(draft.answer.body) as { id: string; lineCount: number };
    expectStatus(
      await app.call('POST', `/v1/payout-batches/${batch.id}/approve`, t.approver),
      200,
      'the approval',
    );
    // Each operation is timed on a caught-up app: the export would otherwise also wait for the batch's projection.
    const catchUp = await timedVoid(() => projectionsCaughtUp(app));
    const csv = await timed(() =>
      app.call('GET', `/v1/payout-batches/${batch.id}/export?format=csv`, t.drafter),
    );
    expectStatus(csv.answer, 200, 'the CSV export');
    await projectionsCaughtUp(app);
    const report = await timed(() =>
      app.call('GET', `/v1/reports/annual?year=${YEAR}&organizationId=${ORGANIZATION}`, t.auditor),
    );
    expectStatus(report.answer, 200, 'the annual report');
    await projectionsCaughtUp(app);
    const verify = await timed(() => app.call('POST', '/v1/audit/verify', t.auditor));
    expectStatus(verify.answer, 200, 'verify');
    const verified = JSON.parse(verify.answer.body) as { verified: boolean; events: number };
    if (!verified.verified) throw new Error(`verify found failures: ${verify.answer.body.slice(0, 500)}`);
    return {
      involvements: size,
      payoutLines: batch.lineCount,
      seedSeconds,
      draft: draft.seconds,
      csvExport: csv.seconds,
      annualReport: report.seconds,
      verify: verify.seconds,
      csvBytes: csv.answer.bytes,
      batchProjected: catchUp,
      verifiedEvents: verified.events,
      peakRssMb: peakRssMb(app.pid),
      load,
    };
  } finally {
    await app.stop();
  }
}

const seconds = (s: number) => `${s.toFixed(s < 10 ? 2 : 1)} s`;
const grouped = (n: number) => n.toLocaleString('en-GB');

function printTable(rows: readonly Row[]): void {
  const header = [
    'involvements',
    'payout lines',
    ...OPERATIONS.map((o) => LABELS[o]),
    'API peak RSS',
    'seeded in',
    'load average',
  ];
  const lines = rows.map((r) => [
    grouped(r.involvements),
    grouped(r.payoutLines),
    ...OPERATIONS.map((o) => seconds(r[o])),
    r.peakRssMb === undefined ? 'n/a' : `${r.peakRssMb} MB`,
    seconds(r.seedSeconds),
    r.load,
  ]);
  console.log(`\n| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const line of lines) console.log(`| ${line.join(' | ')} |`);
  for (let n = 1; n < rows.length; n++) {
    const small = rows[n - 1];
    const large = rows[n];
    const work = large.involvements / small.involvements;
    const ratios = OPERATIONS.map((o) => {
      const perSmall = small[o] / small.involvements;
      const perLarge = large[o] / large.involvements;
      return `${LABELS[o]} ${(perLarge / perSmall).toFixed(2)} (×${(large[o] / small[o]).toFixed(1)} time)`;
    });
    console.log(
      `\ngrowth ${grouped(small.involvements)} → ${grouped(large.involvements)} (×${work.toFixed(1)} work), time per involvement larger ÷ smaller: ${ratios.join(', ')}`,
    );
  }
}

async function main(): Promise<void> {
  console.log(
    `bench:scale${QUICK ? ' --quick' : ''}: sizes ${SIZES.map(grouped).join(', ')}; ${PARTICIPANTS} participants in ${PROJECTS} councils, year ${YEAR}; load average ${loadAverage()} on ${cpus().length} cores`,
  );
  const rows: Row[] = [];
  for (const size of SIZES) {
    const row = await measure(size);
    console.log(
      `${grouped(size)} involvements: seeded and projected in ${seconds(row.seedSeconds)}; draft ${seconds(row.draft)}, batch projected ${seconds(row.batchProjected)} after approval, CSV ${seconds(row.csvExport)} (${grouped(row.csvBytes)} bytes), report ${seconds(row.annualReport)}, verify ${seconds(row.verify)} (${grouped(row.verifiedEvents)} events)`,
    );
    rows.push(row);
  }
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
