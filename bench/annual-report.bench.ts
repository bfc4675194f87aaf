import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/create-app';
import { AccessLog } from '../libs/audit/src';
import {
  INVOLVEMENT_FORMS,
  NOT_PARTICIPATION,
  PARTICIPATION_LEVELS,
  ParticipationQueries,
  RegisterProjectCommand,
} from '../libs/participation/src';
import { loadConfig, ProjectionRuntime } from '../libs/platform/src';
import { withDatabase } from '../libs/platform/src/database/database-url';
import { startEmbeddedPostgres } from '../libs/platform/src/database/embedded-postgres';
import { runMigrations } from '../libs/platform/src/database/migrate';
import {
  AnnualReportQueries,
  buildAnnualReport,
  classifyProject,
  countsAsParticipation,
  MeetingFactsQueries,
  osloDate,
  PAID_PAYOUTS,
  REALITY_THRESHOLDS,
  withMeetingEvidence,
  type PaidPayouts,
  type RealityThresholds,
} from '../libs/reporting/src';
import { AccruedEconomyQueries } from '../libs/reporting/src/queries/accrued-economy.queries';
import { ParticipationFactsQueries } from '../libs/reporting/src/queries/participation-facts.queries';
import { FixedClock } from '../libs/shared-kernel/src/clock';

/**
 * `npm run build && node -r ./tools/register-paths.js dist/bench/annual-report.bench.js` (docs/adr/0031):
 * GET /v1/reports/annual's work (AnnualReportQueries.annual, in process) side by side with the way it was
 * computed before (every involvement of the year folded in memory, each project's stream and appointments
 * loaded, 8 at a time, its involvements filtered out of the year's), taking turns for BENCH_ROUNDS rounds
 * (default 3) at each size of BENCH_SIZES (default 5000,20000,100000) on one embedded PostgreSQL. The app
 * registers 200 projects (one organisation, region helse-midt-norge); 2,000 participants are appointed, ten
 * to a project, and the year's involvements are written straight into the read models the report reads
 * (reporting_involvements with evidence: invitation, attendance, input, feedback, influence), so seeding
 * 100,000 takes seconds; the economy (priced-involvement read model) is empty and costs the same on both
 * sides. Per contender: median time, statements sent (background timers and the projections' polling left
 * out), Node CPU per report, and the three statements it waited on longest (the last round). On a shared machine compare the
 * lines of one run, not absolute figures; the load average is printed with each size.
 */
const SIZES = (process.env.BENCH_SIZES ?? '5000,20000,100000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PROJECTS = 200;
const PER_PROJECT = 10;
const ORGANIZATION = 'st-olavs-hospital';
const FORMS = INVOLVEMENT_FORMS.filter((f) => !NOT_PARTICIPATION.includes(f));
const READER = { actor: 'bench-auditor', roles: ['auditor'] };

/**
 * Timers and deliveries that run beside any request (the notary's checkpoint schedule, the outbox relay and
 * the in-process bus, key retention, pool health checks, projections polling) are not the report's statements.
 */
const BACKGROUND =
  /notary_|integration_outbox|integration_bus_messages|integration-message-key|idempotency_records|projection_checkpoints|FROM events WHERE global_position >|^SELECT 1$|^BEGIN$|^COMMIT$/;
let statements = 0;
type Query = (this: Client, ...args: unknown[]) => unknown;
const original = Client.prototype.query as unknown as Query;
(Client.prototype as unknown as { query: Query }).query = function counted(this: Client, ...args) {
  const first = args[0];
  const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '');
  if (BACKGROUND.test(text.trim())) return original.apply(this, args);
  statements += 1;
  const started = performance.now();
  const took = () => {
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 60);
    statementMs.set(key, (statementMs.get(key) ?? 0) + performance.now() - started);
  };
  const callback = args.at(-1);
  if (typeof callback === 'function')
    args[args.length - 1] = (...result: unknown[]) => {
      took();
      return (callback as (...r: unknown[]) => unknown)(...result);
    };
  const answer = original.apply(this, args);
  if (answer instanceof Promise) answer.then(took, took);
  return answer;
};
/** Wall time per statement text while one report is answered: where the report waits. */
const statementMs = new Map<string, number>();

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bm-bench-report-'));
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  try {
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE bench_report');
    await admin.end();
    const url = withDatabase(server.url, 'bench_report');
    await runMigrations(url);
    const app = await createApp({
      config: loadConfig({
        DATA_DIR: dataDir,
        AUTH_JWT_SECRET: 'bench-only-secret-0123456789-abcdefghijklmnop',
        PII_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
      }),
      databaseUrl: url,
      clock: new FixedClock('2026-02-01T09:00:00.000Z'),
      logger: false,
    });
    await app.init();
    const db = app.get(DataSource);
    const projectIds = await seedProjects(app.get(CommandBus));
    await app.get(ProjectionRuntime).caughtUp(60_000);
    await seedAppointments(db, projectIds);
    const before = new FoldedInMemory(app);
    const after = app.get(AnnualReportQueries);
    const contenders: Contender[] = [
      { name: 'before: folded in memory', run: () => before.annual(2025) },
      { name: 'after: SQL aggregates', run: () => after.annual({ year: '2025' }, READER) },
    ];

    let seeded = 0;
    const rows: string[] = [];
    for (const size of SIZES) {
      await seedInvolvements(db, projectIds, seeded, size);
      seeded = size;
      const results = contenders.map((): Measured[] => []);
      for (let round = 1; round <= ROUNDS; round++)
        for (const [i, contender] of contenders.entries()) results[i].push(await measure(contender));
      const load = loadavg()
        .map((l) => l.toFixed(2))
        .join(' ');
      for (const [i, contender] of contenders.entries()) {
        const m = median(results[i]);
        const line = `${String(size).padStart(7)}  ${contender.name.padEnd(26)} ${m.ms.toFixed(0).padStart(7)} ms  ${String(m.statements).padStart(5)} statements  ${m.cpuMs.toFixed(0).padStart(6)} ms Node CPU  (load ${load})`;
        rows.push(line);
        console.log(line);
        for (const statement of m.slowest) console.log(`           slowest statements: ${statement}`);
      }
    }
    console.log(
      `\nmedian of ${ROUNDS} rounds, ${PROJECTS} projects, ${PROJECTS * PER_PROJECT} participants:`,
    );
    for (const line of rows) console.log(line);
    await app.close();
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Contender = { name: string; run(): Promise<{ involvements: { total: number } }> };
type Measured = { ms: number; statements: number; cpuMs: number; slowest: string[] };

async function measure(contender: Contender): Promise<Measured> {
  global.gc?.();
  const sent = statements;
  statementMs.clear();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await contender.run();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (!(report.involvements.total > 0)) throw new Error(`${contender.name} counted nothing`);
  const slowest = [...statementMs].sort((a, b) => b[1] - a[1]).slice(0, 3);
  return {
    ms,
    statements: statements - sent,
    cpuMs: (used.user + used.system) / 1000,
    slowest: slowest.map(([text, ms]) => `${ms.toFixed(0)} ms ${text}`),
  };
}

function median(measured: Measured[]): Measured {
  const mid = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    ms: mid(measured.map((m) => m.ms)),
    statements: mid(measured.map((m) => m.statements)),
    cpuMs: mid(measured.map((m) => m.cpuMs)),
    slowest: measured[measured.length - 1].slowest,
  };
}

async function seedProjects(commands: CommandBus): Promise<string[]> {
  const ids: string[] = [];
  for (let p = 0; p < PROJECTS; p++) {
    const { id } = await commands.execute<RegisterProjectCommand, { id: string }>(
      new RegisterProjectCommand(
        {
          name: `Prosjekt ${p}`,
          organizationId: ORGANIZATION,
          region: 'helse-midt-norge',
          level: PARTICIPATION_LEVELS[p % PARTICIPATION_LEVELS.length],
        },
        { actor: 'bench-lead', roles: ['project-lead'], correlationId: `bench-project-${p}` },
      ),
    );
    ids.push(id);
  }
  return ids;
}

/** Ten participants to a project: members, a leader, a deputy; what the "not alone" rule counts. */
async function seedAppointments(db: DataSource, projectIds: string[]): Promise<void> {
  await db.query(
    `INSERT INTO participation_appointments (appointment_id, project_id, participant_id, role, nominated_by,
       appointed_by, from_date, recorded_at)
     SELECT 'bench-appointment-' || n, ($1::text[])[n / $2 + 1], 'bench-person-' || n,
       (ARRAY['member', 'member', 'leader', 'deputy'])[n % 4 + 1], 'Brukerutvalget', 'Styret',
       DATE '2024-12-01' + (n % 90), now()
     FROM generate_series(0, $3 - 1) AS n`,
    [projectIds, PER_PROJECT, projectIds.length * PER_PROJECT],
  );
}

/** Involvements from..to-1 of the year, spread over the projects, days, forms and attendances, with evidence. */
async function seedInvolvements(db: DataSource, projectIds: string[], from: number, to: number) {
  for (let start = from; start < to; start += 10_000)
    await db.query(
      `INSERT INTO reporting_involvements (involvement_id, project_id, participant_id, form, occurred_on,
         attendance, meeting_hours, preparation_hours, travel_hours, status, counts_as_participation, evidence)
       SELECT 'bench-involvement-' || n, ($1::text[])[n % $2 + 1],
         'bench-person-' || ((n % $2) * $3 + (n / $2) % $3), forms[n % 8 + 1], to_char(day, 'YYYY-MM-DD'),
         (ARRAY['in-person', 'remote', 'in-person', 'in-person', 'remote', 'absent', 'in-person', 'cancelled'])[n % 8 + 1],
         2.5, 1, (n % 3) * 0.75, CASE WHEN n % 41 = 0 THEN 'voided' ELSE 'logged' END,
         forms[n % 8 + 1] <> 'peer-support',
         jsonb_path_query_array(jsonb_build_array(
           CASE WHEN n % 5 <> 0 THEN jsonb_build_object('kind', 'invitation', 'at', day - (n % 14) * interval '1 day',
             'recordedAt', day - (n % 14) * interval '1 day', 'documentsSharedAt', NULL) END,
           CASE WHEN n % 4 <> 0 THEN jsonb_build_object('kind', 'attendance', 'at', day, 'recordedAt', day) END,
           CASE WHEN n % 3 = 0 THEN jsonb_build_object('kind', 'input', 'at', day, 'recordedAt', day) END,
           CASE WHEN n % 2 = 0 THEN jsonb_build_object('kind', 'feedback', 'at', day + (n % 40) * interval '1 day',
             'recordedAt', day + (n % 40) * interval '1 day') END,
           CASE WHEN n % 7 = 0 THEN jsonb_build_object('kind', 'influence', 'at', day + interval '20 days',
             'recordedAt', day + interval '20 days', 'outcome', 'adopted') END), '$[*] ? (@ != null)')
       FROM generate_series($4::int, $5::int - 1) AS n,
         LATERAL (SELECT timestamp '2025-01-01 10:00' + ((n * 7) % 365) * interval '1 day' AS day) d,
         LATERAL (SELECT $6::text[] AS forms) f`,
      [
        projectIds,
        projectIds.length,
        PER_PROJECT,
        start,
        Math.min(start + 10_000, to),
        [...FORMS.filter((f) => f !== 'user-gathering'), 'peer-support', 'user-council'],
      ],
    );
  await db.query('ANALYZE reporting_involvements');
}

/**
 * AnnualReportQueries.annual as it was before docs/adr/0031 (its counts and classification; the economy,
 * paid totals, access log and meeting counts as now, since they did not change).
 */
class FoldedInMemory {
  private readonly participation: ParticipationQueries;
  private readonly facts: ParticipationFactsQueries;
  private readonly economy: AccruedEconomyQueries;
  private readonly meetingFacts: MeetingFactsQueries;
  private readonly accessLog: AccessLog;
  private readonly thresholds: RealityThresholds;
  private readonly paid: PaidPayouts;

  constructor(app: Awaited<ReturnType<typeof createApp>>) {
    this.participation = app.get(ParticipationQueries);
    this.facts = app.get(ParticipationFactsQueries);
    this.economy = app.get(AccruedEconomyQueries);
    this.meetingFacts = app.get(MeetingFactsQueries);
    this.accessLog = app.get(AccessLog);
    this.thresholds = app.get<string, RealityThresholds>(REALITY_THRESHOLDS);
    this.paid = app.get<string, PaidPayouts>(PAID_PAYOUTS);
  }

  async annual(year: number) {
    const facts = await this.facts.forYear(year, null);
    const { projects } = facts;
    const { meetings, milestones } = await this.meetingFacts.forProjects([...projects.keys()]);
    const involvements = withMeetingEvidence(facts.involvements, meetings);
    const counted = involvements.filter(countsAsParticipation);
    const { accrued, unpriced } = await this.economy.ofYear(year, null);
    const today = osloDate(new Date('2026-02-01T09:00:00.000Z'));
    const projectIds = [...new Set(counted.map((i) => i.projectId))];
    const assessments = [];
    for (let i = 0; i < projectIds.length; i += 8)
      assessments.push(
        ...(await Promise.all(
          projectIds.slice(i, i + 8).map(async (projectId) => {
            const project = await this.participation.project(projectId);
            return {
              projectId,
              reality: classifyProject({
                involvements: involvements.filter((i) => i.projectId === projectId),
                appointments: project.appointments,
                thresholds: this.thresholds,
                today,
                meetings: meetings.filter((m) => m.projectId === projectId),
                milestones: milestones.get(projectId) ?? [],
              }),
            };
          }),
        )),
      );
    const paid = await this.paid.paidTotals({ year });
    await this.accessLog.record({
      actor: READER.actor,
      roles: READER.roles,
      action: 'audit-query',
      subject: `annual-report:${year}`,
      detail: { view: 'annual-report', organizationId: null },
    });
    const meetingCounts = await this.meetingFacts.countsForYear(year, null, PARTICIPATION_LEVELS, FORMS);
    const report = buildAnnualReport({
      year,
      organizationId: null,
      generatedAt: new Date().toISOString(),
      levels: PARTICIPATION_LEVELS,
      forms: FORMS,
      projects,
      involvements,
      accrued,
      unpriced,
      paid,
      assessments,
    });
    return { ...report, meetings: meetingCounts };
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
