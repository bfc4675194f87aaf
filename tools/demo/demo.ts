import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import {
  AppLogger,
  ConfigError,
  loadConfig,
  ProjectionRuntime,
  startDatabase,
  StartupTimeout,
} from '@app/platform';
import { createApp } from '../../apps/api/src/create-app';
import { resolveAuthSettings } from '../../apps/api/src/http/auth/auth-settings';
import type { Role } from '../../apps/api/src/http/auth/auth-user';
import { signDevToken } from '../../apps/api/src/http/auth/dev-token';
import { buildDemoWorld, type DemoActor, type DemoApi, type DemoWorld } from './demo-world';

const ACTORS: Record<DemoActor, { sub: string; name: string; role: Role }> = {
  admin: { sub: 'demo-admin', name: 'Anne Admin', role: 'admin' },
  lead: { sub: 'demo-lead-kari', name: 'Kari Prosjektleder', role: 'project-lead' },
  finance: { sub: 'demo-finance-frode', name: 'Frode Økonomi', role: 'finance' },
  approver: { sub: 'demo-finance-fiona', name: 'Fiona Økonomi', role: 'finance' },
  auditor: { sub: 'demo-auditor-aud', name: 'Aud Revisor', role: 'auditor' },
};

/**
 * `npm run demo`: loads a small, realistic world into the database `npm start`
 * uses (DATA_DIR or DATABASE_URL) through the application's own HTTP API,
 * then prints a token per role and what to open. Runs beside a running
 * `npm start` or on its own; every write carries a fixed Idempotency-Key, so
 * a second run changes nothing.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  Logger.overrideLogger(new AppLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  const auth = resolveAuthSettings(config);
  if (!auth.jwtSecret)
    throw new ConfigError(['the demo signs its own tokens: it needs AUTH_JWT_SECRET (or embedded mode)']);
  const database = await startDatabase(config, () => undefined);
  const app = await createApp({ config, databaseUrl: database.url, logger: false });
  try {
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const tokens = {} as Record<DemoActor, string>;
    for (const [actor, who] of Object.entries(ACTORS) as Array<[DemoActor, (typeof ACTORS)[DemoActor]]>)
      tokens[actor] = await signDevToken(
        {
          sub: who.sub,
          name: who.name,
          roles: [who.role],
          expires: '8h',
          issuer: auth.issuer,
          audience: auth.audience,
        },
        auth.jwtSecret,
      );
    const projections = app.get(ProjectionRuntime);
    const world = await buildDemoWorld(httpApi(base, tokens, () => projections.caughtUp(60_000)));
    await projections.caughtUp(60_000);
    const events = await app.get<EventStore>(EVENT_STORE).headPosition();
    process.stdout.write(describe(world, tokens, config.port, events));
  } finally {
    await app.close();
    await database.stop();
  }
}

function httpApi(base: string, tokens: Record<DemoActor, string>, settled: () => Promise<void>): DemoApi {
  const call = async (actor: DemoActor, method: string, path: string, body?: object, key?: string) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${tokens[actor]}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
        ...(key ? { 'Idempotency-Key': key } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} as ${actor} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  };
  return {
    post: (actor, path, body, key) => call(actor, 'POST', path, body, key),
    get: (actor, path) => call(actor, 'GET', path),
    settled,
  };
}

function describe(world: DemoWorld, tokens: Record<DemoActor, string>, port: number, events: number): string {
  const api = `http://localhost:${port}`;
  const [council] = world.projects;
  return `Demo world loaded: ${events} events in the log (a second run adds none).

Projects:
${world.projects.map((p) => `  ${p.id}  ${p.level.padEnd(10)} ${p.name}`).join('\n')}
Participants:
${world.participants.map((p) => `  ${p.id}  ${p.name}`).join('\n')}
Batch paid:            ${world.paidBatchId}
Next batch (draft, with the adjustment after a correction): ${world.nextBatchId}

Tokens (valid 8 hours; paste into the shell, or into Authorize at ${api}/docs):
  export LEAD=${tokens.lead}
  export FINANCE=${tokens.finance}
  export APPROVER=${tokens.approver}
  export AUDITOR=${tokens.auditor}
  export ADMIN=${tokens.admin}

With \`npm start\` running, open:
  curl -s -H "Authorization: Bearer $LEAD" ${api}/v1/projects/${council.id}
  curl -s -H "Authorization: Bearer $LEAD" ${api}/v1/involvements/${world.councilInvolvementId}
  curl -s -H "Authorization: Bearer $FINANCE" ${api}/v1/payout-batches/${world.nextBatchId}
  curl -s -H "Authorization: Bearer $FINANCE" "${api}/v1/payout-batches/${world.paidBatchId}/export?format=csv"
  curl -s -H "Authorization: Bearer $FINANCE" ${api}/v1/participants/${world.participants[1].id}/honorarium
  curl -s -H "Authorization: Bearer $AUDITOR" ${api}/v1/audit/projects/${world.projects[1].id}/participation
  curl -s -H "Authorization: Bearer $AUDITOR" "${api}/v1/reports/annual?year=2025&format=html" > report.html
`;
}

main().catch((error: unknown) => {
  const operators = error instanceof ConfigError || error instanceof StartupTimeout;
  console.error(operators && error instanceof Error ? error.message : error);
  process.exit(1);
});
