import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// tools/validate-compose.js is plain CommonJS so .ci/run can call it without a build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateCompose, parseCompose } = require('../../tools/validate-compose.js') as {
  validateCompose(text: string, baseDir?: string): string[];
  parseCompose(text: string): { value?: Compose; errors?: string[] };
};

interface Service {
  image?: string;
  build?: unknown;
  profiles?: string[];
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: unknown;
  ports?: string[];
}
interface Compose {
  services: Record<string, Service>;
}

const root = join(__dirname, '..', '..');
const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const compose = parseCompose(text).value!;
const services = compose.services;

describe('docker-compose.yml', () => {
  it('validates against the Compose Specification schema and the project rules', () => {
    expect(validateCompose(text, root)).toEqual([]);
  });

  it('is refused when it breaks the schema or a rule (the validator can fail)', () => {
    const badCondition = text.replace('condition: service_completed_successfully', 'condition: finished');
    expect(validateCompose(badCondition, root).join('\n')).toMatch(/schema: .*depends_on/);
    const unknownKey = text.replace('    image: postgres:17', '    image: postgres:17\n    healthchek: {}');
    expect(validateCompose(unknownKey, root).join('\n')).toMatch(/"healthchek"/);
    const missingService = text.replace(
      '    kafka-topics:\n      condition',
      '    kafka-topic:\n      condition',
    );
    expect(validateCompose(missingService, root).join('\n')).toMatch(/no service "kafka-topic"/);
    const noHealthCheck = text.replace(
      / {4}healthcheck:\n {6}test: \["CMD-SHELL", "pg_isready[^\n]*\n/,
      '    x-healthcheck:\n      test: none\n',
    );
    expect(validateCompose(noHealthCheck, root).join('\n')).toMatch(/"postgres" has no health check/);
  });

  it('runs PostgreSQL, EventStoreDB (KurrentDB, insecure) and Kafka (KRaft) with health checks', () => {
    expect(services.postgres.healthcheck).toBeDefined();
    expect(services.eventstoredb.image).toMatch(/^kurrentplatform\/kurrentdb:/);
    expect(services.eventstoredb.environment).toMatchObject({ KURRENTDB_INSECURE: 'true' });
    expect(services.eventstoredb.healthcheck).toBeDefined();
    expect(services.kafka.environment).toMatchObject({ KAFKA_PROCESS_ROLES: 'broker,controller' });
    expect(services.kafka.healthcheck).toBeDefined();
  });

  it('starts the app only when every server is healthy and the topics exist, pointed at them', () => {
    expect(services.api.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      eventstoredb: { condition: 'service_healthy' },
      kafka: { condition: 'service_healthy' },
      'kafka-topics': { condition: 'service_completed_successfully' },
    });
    expect(services.api.environment).toMatchObject({
      EVENT_STORE: 'eventstoredb',
      ESDB_CONNECTION_STRING: 'esdb://eventstoredb:2113?tls=false',
      KAFKA_BROKERS: 'kafka:9092',
    });
    expect(services.api.ports).toEqual(['3000:3000']);
  });

  it('creates exactly the topics of infra/asyncapi.yaml', () => {
    const topics = execFileSync(
      'sh',
      [join(root, 'infra/kafka/create-topics.sh'), '--list', join(root, 'infra/asyncapi.yaml')],
      {
        encoding: 'utf8',
      },
    );
    expect(topics.trim().split('\n').sort()).toEqual([
      'participation.involvements.v1',
      'payouts.batches.v1',
      'payouts.payment-results.v1',
    ]);
    expect(services['kafka-topics'].depends_on).toEqual({ kafka: { condition: 'service_healthy' } });
  });

  it('has a scale profile: a second API replica without workers, and one worker process', () => {
    const scale = Object.entries(services).filter(([, s]) => s.profiles?.includes('scale'));
    expect(scale.map(([name]) => name).sort()).toEqual(['api-replica', 'worker']);
    expect(services['api-replica'].environment).toMatchObject({ RUN_WORKERS: 'false' });
    expect(services.api.environment?.RUN_WORKERS).toBe('${API_RUN_WORKERS:-true}');
    expect(services.worker.command).toEqual([
      'node',
      '-r',
      './tools/register-paths.js',
      'dist/apps/worker/src/main.js',
    ]);
    const shared = (s: Service) => [s.environment?.AUTH_JWT_SECRET, s.environment?.DATA_DIR];
    expect(shared(services['api-replica'])).toEqual(shared(services.api));
    expect(shared(services.worker)).toEqual(shared(services.api));
  });
});
