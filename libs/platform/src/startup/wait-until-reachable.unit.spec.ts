import { loadConfig } from '../config/app-config';
import { startDatabase } from '../database/start-database';
import { esdbAddress, postgresAddress } from './dependencies';
import { StartupTimeout, waitUntilReachable, type Dependency } from './wait-until-reachable';

function flaky(failures: number): Dependency & { attempts: number[] } {
  const started = Date.now();
  const attempts: number[] = [];
  return {
    name: 'Thing',
    setting: 'THING_URL',
    address: 'thing:1234',
    attempts,
    probe: async () => {
      attempts.push(Date.now() - started);
      if (attempts.length <= failures) throw new Error('connect ECONNREFUSED');
    },
  };
}

describe('waitUntilReachable', () => {
  it('retries with growing pauses until the dependency answers', async () => {
    const dependency = flaky(3);
    const log: string[] = [];
    await waitUntilReachable(dependency, { timeoutSeconds: 10, initialDelayMs: 20, log: (l) => log.push(l) });
    expect(dependency.attempts).toHaveLength(4);
    const gaps = dependency.attempts.slice(1).map((t, i) => t - dependency.attempts[i]);
    // Pauses of 20, 40 and 80 ms: a timer never fires early (1 ms of rounding aside), while a busy machine
    // can make any of them late, so each gap is held to its own pause rather than compared with another.
    [20, 40, 80].forEach((pause, i) => expect(gaps[i]).toBeGreaterThanOrEqual(pause - 1));
    expect(log[0]).toMatch(/Thing at thing:1234 \(THING_URL\) not reachable yet: connect ECONNREFUSED/);
    expect(log[log.length - 1]).toMatch(/answered \(attempt 4\)/);
  });

  it('gives up after the timeout, naming the setting and the address', async () => {
    const started = Date.now();
    const error = await waitUntilReachable(flaky(Infinity), {
      timeoutSeconds: 0.5,
      initialDelayMs: 20,
    }).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(StartupTimeout);
    expect((error as Error).message).toMatch(
      /^Thing at thing:1234 \(THING_URL\) did not answer within 0.5s \(\d+ attempts; last error: connect ECONNREFUSED\)\. Check THING_URL/,
    );
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(3000);
  });

  it('bounds a probe that hangs', async () => {
    const hanging: Dependency = {
      name: 'Hang',
      setting: 'HANG',
      address: 'h:1',
      probe: () => new Promise(() => undefined),
    };
    const started = Date.now();
    await expect(waitUntilReachable(hanging, { timeoutSeconds: 0.3 })).rejects.toThrow(/no answer within/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('start-up against unreachable servers', () => {
  it('stops with DATABASE_URL and its address when PostgreSQL never answers', async () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:secret@127.0.0.1:1/x',
      STARTUP_TIMEOUT_SECONDS: '1',
    });
    const started = Date.now();
    const error = await startDatabase(config, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupTimeout);
    const message = (error as Error).message;
    expect(message).toMatch(/^PostgreSQL at 127\.0\.0\.1:1\/x \(DATABASE_URL\) did not answer within 1s/);
    expect(message).not.toMatch(/secret/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('names ESDB_CONNECTION_STRING and KAFKA_BROKERS when those never answer', async () => {
    const esdb = loadConfig({
      EVENT_STORE: 'eventstoredb',
      ESDB_CONNECTION_STRING: 'esdb://admin:changeit@127.0.0.1:1?tls=false',
      STARTUP_TIMEOUT_SECONDS: '1',
      DATA_DIR: '/tmp/bm-unused',
    });
    await expect(startDatabase(esdb, () => undefined)).rejects.toThrow(
      /EventStoreDB at 127\.0\.0\.1:1 \(ESDB_CONNECTION_STRING\) did not answer within 1s/,
    );
    const kafka = loadConfig({
      KAFKA_BROKERS: '127.0.0.1:1',
      STARTUP_TIMEOUT_SECONDS: '1',
      DATA_DIR: '/tmp/bm-unused',
    });
    await expect(startDatabase(kafka, () => undefined)).rejects.toThrow(
      /Kafka at 127\.0\.0\.1:1 \(KAFKA_BROKERS\) did not answer within 1s/,
    );
  });

  it('refuses a start-up timeout that is not a positive number of seconds', () => {
    expect(() => loadConfig({ STARTUP_TIMEOUT_SECONDS: 'soon' })).toThrow(/STARTUP_TIMEOUT_SECONDS must be/);
    expect(loadConfig({}).startupTimeoutSeconds).toBe(60);
  });

  it('shows where a server is without its credentials', () => {
    expect(postgresAddress('postgres://u:p@db:5432/bm')).toBe('db:5432/bm');
    expect(postgresAddress('postgresql://db/bm')).toBe('db:5432/bm');
    expect(esdbAddress('esdb://admin:changeit@esdb-1:2113,esdb-2:2113?tls=false')).toBe(
      'esdb-1:2113,esdb-2:2113',
    );
  });
});
