import { isAbsolute, resolve } from 'node:path';
import { loadLimitsConfig, type LimitsConfig } from './limits-config';

export type { LimitsConfig } from './limits-config';

export interface AppConfig {
  port: number;
  /** Health and metrics port of `npm run start:worker`, apart from the API's so both run on one machine. */
  workerPort: number;
  /** Embedded PostgreSQL data and generated development keys. */
  dataDir: string;
  /** Unset: start an embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  eventStore: 'postgres' | 'eventstoredb';
  esdbConnectionString: string | undefined;
  kafkaBrokers: string[];
  auth: {
    jwtSecret: string | undefined;
    jwksUrl: string | undefined;
    issuer: string | undefined;
    audience: string | undefined;
    /** AUTH_MAX_TOKEN_HOURS: the longest lifetime (exp - iat) a bearer token may have. */
    maxTokenHours: number;
  };
  piiMasterKey: string | undefined;
  notarySigningKey: string | undefined;
  /** NODE_ENV=production: no generated secrets, tokens only from an identity provider (docs/adr/0016). */
  production: boolean;
  /** ALLOW_GENERATED_KEYS=true: production may still generate missing keys into DATA_DIR. */
  allowGeneratedKeys: boolean;
  /** Run projections (and later the notary and outbox relay) in this process. */
  runWorkers: boolean;
  /** How long start-up retries unreachable servers (PostgreSQL, EventStoreDB, Kafka) before it gives up. */
  startupTimeoutSeconds: number;
  /** Idempotency records older than this are purged (by the process that runs workers). */
  idempotencyRetentionHours: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Per-caller rate limits and bounded concurrency of expensive operations. */
  limits: LimitsConfig;
}

/** A bad setting stops the start with every problem listed. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const port = Number(get('PORT') ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT must be a whole number from 0 to 65535, got "${get('PORT')}"`);
  const workerPort = Number(get('WORKER_PORT') ?? '3001');
  if (!Number.isInteger(workerPort) || workerPort < 0 || workerPort > 65535)
    problems.push(`WORKER_PORT must be a whole number from 0 to 65535, got "${get('WORKER_PORT')}"`);
  const databaseUrl = get('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  const eventStore = get('EVENT_STORE') ?? 'postgres';
  if (eventStore !== 'postgres' && eventStore !== 'eventstoredb')
    problems.push(`EVENT_STORE must be "postgres" or "eventstoredb", got "${eventStore}"`);
  const esdbConnectionString = get('ESDB_CONNECTION_STRING');
  if (eventStore === 'eventstoredb' && !esdbConnectionString)
    problems.push(
      'EVENT_STORE=eventstoredb needs ESDB_CONNECTION_STRING (e.g. esdb://localhost:2113?tls=false)',
    );
  if (esdbConnectionString && !/^esdb(\+discover)?:\/\//.test(esdbConnectionString))
    problems.push('ESDB_CONNECTION_STRING must start with esdb:// or esdb+discover://');
  const kafkaBrokers = (get('KAFKA_BROKERS') ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  for (const broker of kafkaBrokers)
    if (!/^[^\s:]+:\d+$/.test(broker))
      problems.push(`KAFKA_BROKERS entries must be host:port, got "${broker}"`);
  const jwtSecret = get('AUTH_JWT_SECRET');
  if (jwtSecret && jwtSecret.length < 32) problems.push('AUTH_JWT_SECRET must be at least 32 characters');
  const jwksUrl = get('AUTH_JWKS_URL');
  if (jwksUrl && !/^https?:\/\//.test(jwksUrl)) problems.push('AUTH_JWKS_URL must be an http(s) URL');
  const maxTokenHours = Number(get('AUTH_MAX_TOKEN_HOURS') ?? '12');
  if (!(Number.isFinite(maxTokenHours) && maxTokenHours > 0 && maxTokenHours <= MAX_TOKEN_HOURS_LIMIT))
    problems.push(
      `AUTH_MAX_TOKEN_HOURS must be a number of hours above 0 and at most ${MAX_TOKEN_HOURS_LIMIT}, got "${get('AUTH_MAX_TOKEN_HOURS')}"`,
    );
  const production = get('NODE_ENV') === 'production';
  const allowGeneratedKeys = get('ALLOW_GENERATED_KEYS') ?? 'false';
  if (allowGeneratedKeys !== 'true' && allowGeneratedKeys !== 'false')
    problems.push('ALLOW_GENERATED_KEYS must be "true" or "false"');
  if (production) problems.push(...productionProblems(get, allowGeneratedKeys === 'true'));
  const runWorkers = get('RUN_WORKERS') ?? 'true';
  if (runWorkers !== 'true' && runWorkers !== 'false') problems.push('RUN_WORKERS must be "true" or "false"');
  const startupTimeoutSeconds = Number(get('STARTUP_TIMEOUT_SECONDS') ?? '60');
  if (!(Number.isFinite(startupTimeoutSeconds) && startupTimeoutSeconds > 0 && startupTimeoutSeconds <= 3600))
    problems.push(
      `STARTUP_TIMEOUT_SECONDS must be a number of seconds above 0 and at most 3600, got "${get('STARTUP_TIMEOUT_SECONDS')}"`,
    );
  const idempotencyRetentionHours = Number(get('IDEMPOTENCY_RETENTION_HOURS') ?? '24');
  if (!(
    Number.isFinite(idempotencyRetentionHours) &&
    idempotencyRetentionHours > 0 &&
    idempotencyRetentionHours <= 8760
  ))
    problems.push(
      `IDEMPOTENCY_RETENTION_HOURS must be a number of hours above 0 and at most 8760, got "${get('IDEMPOTENCY_RETENTION_HOURS')}"`,
    );
  const logLevel = get('LOG_LEVEL') ?? 'info';
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel))
    problems.push('LOG_LEVEL must be debug, info, warn or error');
  const limits = loadLimitsConfig(get, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = get('DATA_DIR') ?? './.data';
  return {
    port,
    workerPort,
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(process.cwd(), dataDir),
    databaseUrl,
    eventStore: eventStore as AppConfig['eventStore'],
    esdbConnectionString,
    kafkaBrokers,
    auth: { jwtSecret, jwksUrl, issuer: get('AUTH_ISSUER'), audience: get('AUTH_AUDIENCE'), maxTokenHours },
    piiMasterKey: get('PII_MASTER_KEY'),
    notarySigningKey: get('NOTARY_SIGNING_KEY'),
    production,
    allowGeneratedKeys: allowGeneratedKeys === 'true',
    runWorkers: runWorkers === 'true',
    startupTimeoutSeconds,
    idempotencyRetentionHours,
    logLevel: logLevel as AppConfig['logLevel'],
    limits,
  };
}

/** A week: beyond that a token cap is no cap. */
const MAX_TOKEN_HOURS_LIMIT = 168;

/**
 * With NODE_ENV=production nothing secret is generated: tokens come from an
 * identity provider whose issuer and audience are checked, and the keys live
 * outside DATA_DIR, so a backup of the data does not hold the keys to it
 * (unless ALLOW_GENERATED_KEYS=true says the operator accepts that).
 */
function productionProblems(
  get: (name: string) => string | undefined,
  allowGeneratedKeys: boolean,
): string[] {
  const problems: string[] = [];
  const missingAuth = ['AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE'].filter((name) => !get(name));
  if (missingAuth.length > 0)
    problems.push(
      `NODE_ENV=production needs AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE (tokens from your identity provider, checked for issuer and audience; no generated AUTH_JWT_SECRET); missing: ${missingAuth.join(', ')}`,
    );
  if (allowGeneratedKeys) return problems;
  for (const [name, what] of [
    ['PII_MASTER_KEY', 'the key that seals personal data'],
    ['NOTARY_SIGNING_KEY', 'the key that signs audit checkpoints'],
  ])
    if (!get(name))
      problems.push(
        `NODE_ENV=production needs ${name} (${what}) from a secret store: generated into DATA_DIR it would sit next to the data, so one backup would hold both. Set ${name}, or ALLOW_GENERATED_KEYS=true to accept that`,
      );
  return problems;
}

export const APP_CONFIG = Symbol('AppConfig');
