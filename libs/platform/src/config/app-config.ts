import { isAbsolute, resolve } from 'node:path';

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
  };
  piiMasterKey: string | undefined;
  notarySigningKey: string | undefined;
  /** Run projections (and later the notary and outbox relay) in this process. */
  runWorkers: boolean;
  /** How long start-up retries unreachable servers (PostgreSQL, EventStoreDB, Kafka) before it gives up. */
  startupTimeoutSeconds: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
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
  const runWorkers = get('RUN_WORKERS') ?? 'true';
  if (runWorkers !== 'true' && runWorkers !== 'false') problems.push('RUN_WORKERS must be "true" or "false"');
  const startupTimeoutSeconds = Number(get('STARTUP_TIMEOUT_SECONDS') ?? '60');
  if (!(Number.isFinite(startupTimeoutSeconds) && startupTimeoutSeconds > 0 && startupTimeoutSeconds <= 3600))
    problems.push(
      `STARTUP_TIMEOUT_SECONDS must be a number of seconds above 0 and at most 3600, got "${get('STARTUP_TIMEOUT_SECONDS')}"`,
    );
  const logLevel = get('LOG_LEVEL') ?? 'info';
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel))
    problems.push('LOG_LEVEL must be debug, info, warn or error');
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
    auth: { jwtSecret, jwksUrl, issuer: get('AUTH_ISSUER'), audience: get('AUTH_AUDIENCE') },
    piiMasterKey: get('PII_MASTER_KEY'),
    notarySigningKey: get('NOTARY_SIGNING_KEY'),
    runWorkers: runWorkers === 'true',
    startupTimeoutSeconds,
    logLevel: logLevel as AppConfig['logLevel'],
  };
}

export const APP_CONFIG = Symbol('AppConfig');
