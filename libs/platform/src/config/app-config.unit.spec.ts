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

  it('reads AUTH_MAX_TOKEN_HOURS, 12 by default, and refuses a cap that is no cap', () => {
    expect(loadConfig({}).auth.maxTokenHours).toBe(12);
    expect(loadConfig({ AUTH_MAX_TOKEN_HOURS: '1.5' }).auth.maxTokenHours).toBe(1.5);
    for (const bad of ['0', '-1', 'forever', '169'])
      expect(() => loadConfig({ AUTH_MAX_TOKEN_HOURS: bad })).toThrow(/AUTH_MAX_TOKEN_HOURS must be/);
  });

  describe('with NODE_ENV=production', () => {
    const identityProvider = {
      AUTH_JWKS_URL: 'https://idp.example/jwks',
      AUTH_ISSUER: 'https://idp.example',
      AUTH_AUDIENCE: 'brukermedvirkning',
    };
    const keys = { PII_MASTER_KEY: 'k'.repeat(44), NOTARY_SIGNING_KEY: 'n'.repeat(44) };
    const problemsOf = (env: Record<string, string>): string => {
      try {
        loadConfig({ NODE_ENV: 'production', ...env });
      } catch (error) {
        if (error instanceof ConfigError) return error.problems.join('\n');
        throw error;
      }
      return '';
    };

    it('starts with an identity provider and both keys set', () => {
      expect(loadConfig({ NODE_ENV: 'production', ...identityProvider, ...keys })).toMatchObject({
        production: true,
        allowGeneratedKeys: false,
      });
    });

    it('refuses to generate the PII master key and the notary key next to the data', () => {
      const problems = problemsOf(identityProvider);
      expect(problems).toMatch(/NODE_ENV=production needs PII_MASTER_KEY .*ALLOW_GENERATED_KEYS=true/);
      expect(problems).toMatch(/NODE_ENV=production needs NOTARY_SIGNING_KEY .*ALLOW_GENERATED_KEYS=true/);
      expect(problemsOf({ ...identityProvider, PII_MASTER_KEY: keys.PII_MASTER_KEY })).not.toMatch(
        /PII_MASTER_KEY/,
      );
    });

    it('generates them only when ALLOW_GENERATED_KEYS=true says so', () => {
      expect(
        loadConfig({ NODE_ENV: 'production', ALLOW_GENERATED_KEYS: 'true', ...identityProvider }),
      ).toMatchObject({ allowGeneratedKeys: true, piiMasterKey: undefined });
      expect(problemsOf({ ...identityProvider, ...keys, ALLOW_GENERATED_KEYS: 'yes' })).toMatch(
        /ALLOW_GENERATED_KEYS must be "true" or "false"/,
      );
    });

    it('requires AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE, naming the missing ones', () => {
      expect(problemsOf(keys)).toMatch(
        /needs AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE .*missing: AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE/,
      );
      expect(
        problemsOf({ ...keys, AUTH_JWKS_URL: identityProvider.AUTH_JWKS_URL, AUTH_ISSUER: 'https://idp' }),
      ).toMatch(/missing: AUTH_AUDIENCE$/);
      // A shared secret alone is not enough in production, generated or set.
      expect(problemsOf({ ...keys, AUTH_JWT_SECRET: 's'.repeat(40) })).toMatch(/missing: AUTH_JWKS_URL/);
    });

    it('leaves other environments as they were', () => {
      expect(loadConfig({ NODE_ENV: 'development' }).production).toBe(false);
      expect(loadConfig({ NODE_ENV: 'test' }).production).toBe(false);
    });
  });
});
