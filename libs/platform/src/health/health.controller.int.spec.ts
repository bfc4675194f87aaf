import { createServer, type Server } from 'node:net';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '@app/event-store';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { loadConfig } from '../config/app-config';
import type { ProjectionRuntime } from '../projections/projection-runtime';
import { HealthController } from './health.controller';

type Body = { status: string; checks: Record<string, { status: string; [k: string]: unknown }> };

describe('GET /health: each dependency separately', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let broker: Server;
  let brokerPort: number;
  const projections = { health: async () => [] } as unknown as ProjectionRuntime;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    store = new PostgresEventStore({ pool: db.pool });
    broker = createServer((socket) => socket.end());
    await new Promise<void>((r) => broker.listen(0, '127.0.0.1', r));
    brokerPort = (broker.address() as { port: number }).port;
  });
  afterAll(async () => {
    await store.close();
    await dataSource.destroy();
    await new Promise((r) => broker.close(r));
    await db.drop();
  });

  async function health(env: Record<string, string>): Promise<{ code: number; body: Body }> {
    const controller = new HealthController(
      dataSource,
      store,
      projections,
      loadConfig({ DATA_DIR: '/tmp/x', ...env }),
    );
    let code = 0;
    const res = { status: (c: number) => (code = c) };
    const body = (await controller.health(res as never)) as Body;
    return { code, body };
  }

  it('reports PostgreSQL and the event store with its adapter, and no Kafka when none is configured', async () => {
    const { code, body } = await health({});
    expect(code).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.checks.postgres).toMatchObject({ status: 'up' });
    expect(body.checks.eventStore).toMatchObject({ status: 'up', adapter: 'postgres', head: 0 });
    expect(body.checks).not.toHaveProperty('kafka');
  });

  it('reports Kafka up when its brokers answer', async () => {
    const { code, body } = await health({ KAFKA_BROKERS: `127.0.0.1:${brokerPort}` });
    expect(code).toBe(200);
    expect(body.checks.kafka).toMatchObject({ status: 'up', brokers: [`127.0.0.1:${brokerPort}`] });
  });

  it('is 503 with Kafka down, naming the broker, while the others stay up', async () => {
    const { code, body } = await health({ KAFKA_BROKERS: '127.0.0.1:1' });
    expect(code).toBe(503);
    expect(body.status).toBe('down');
    expect(body.checks.kafka).toMatchObject({ status: 'down' });
    expect(String(body.checks.kafka.detail)).toMatch(/127\.0\.0\.1:1/);
    expect(body.checks.postgres.status).toBe('up');
    expect(body.checks.eventStore.status).toBe('up');
  });
});
