import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('runs on embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      eventStore: 'postgres',
      kafkaBrokers: [],
      runWorkers: true,
    });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('reads real servers from the settings', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/bm',
      EVENT_STORE: 'eventstoredb',
      ESDB_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
    });
    expect(config).toMatchObject({
      port: 8080,
      eventStore: 'eventstoredb',
      kafkaBrokers: ['kafka-1:9092', 'kafka-2:9092'],
    });
  });

  it('stops on bad settings, naming each one', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        EVENT_STORE: 'eventstoredb',
        KAFKA_BROKERS: 'no-port',
        AUTH_JWT_SECRET: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT must be/);
    expect(problems).toMatch(/needs ESDB_CONNECTION_STRING/);
    expect(problems).toMatch(/KAFKA_BROKERS entries must be host:port, got "no-port"/);
    expect(problems).toMatch(/AUTH_JWT_SECRET must be at least 32/);
  });
});
