import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { loadConfig, ProjectionRegistry, ProjectionRuntime } from '@app/platform';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { involvementBody, nationalId } from '../participation/support/builders';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The scale-out shape (docs/architecture.md): API replicas with RUN_WORKERS=false
 * and one worker. The worker must run every projection the API registers, or
 * read models would silently stop.
 */
describe('the worker process beside API replicas that run no workers', () => {
  let api: TestApp;
  let worker: INestApplication;

  beforeAll(async () => {
    api = await startTestApp({ env: { RUN_WORKERS: 'false' } });
    const config = {
      ...loadConfig({ DATA_DIR: '/tmp/bm-e2e-unused', RUN_WORKERS: 'true' }),
      runWorkers: true,
    };
    worker = await NestFactory.create(
      WorkerModule.register({ config, databaseUrl: api.db.url, clock: api.clock }),
      { logger: false },
    );
    await worker.init();
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('registers every projection the API process registers', () => {
    const names = (app: INestApplication) =>
      app
        .get(ProjectionRegistry)
        .all()
        .map((p) => p.name)
        .sort();
    expect(names(worker)).toEqual(names(api.app));
  });

  it('keeps the read models current for what the API appends', async () => {
    const lead = `Bearer ${await api.token({ sub: 'lead-1', name: 'Kari Nordmann', roles: ['project-lead'] })}`;
    const project = await api.http
      .post('/v1/projects')
      .set('Authorization', lead)
      .send({ name: 'Ventetid', organizationId: 'helse-nord', region: 'helse-midt-norge', level: 'service' })
      .expect(201);
    const participant = await api.http
      .post('/v1/participants')
      .set('Authorization', lead)
      .send({ name: 'Máret Ŋuolja', nationalId: nationalId('150765') })
      .expect(201);
    const involvement = await api.http
      .post(`/v1/projects/${project.body.id}/involvements`)
      .set('Authorization', lead)
      .send({ ...involvementBody(), form: 'user-interview', participantId: participant.body.id })
      .expect(201);
    await worker.get(ProjectionRuntime).caughtUp();
    const list = await api.http
      .get(`/v1/projects/${project.body.id}/involvements`)
      .set('Authorization', lead)
      .expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ involvementId: involvement.body.id })]);
  });
});
