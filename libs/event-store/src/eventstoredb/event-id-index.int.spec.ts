import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { EventIdIndex } from './event-id-index';

describe('EventIdIndex (the EventStoreDB adapter’s event ids, in PostgreSQL)', () => {
  let db: TestDatabase;
  let index: EventIdIndex;

  beforeAll(async () => {
    db = await createTestDatabase();
    index = new EventIdIndex(db.pool);
  });
  afterAll(() => db.drop());

  it('finds recorded ids with their stream, version and position, and nothing else', async () => {
    const [a, b, unknown] = [randomUUID(), randomUUID(), randomUUID()];
    await index.record([
      [a, { streamId: 'project-1', version: 1, position: 4_096 }],
      [b, { streamId: 'project-1', version: 2, position: 2 ** 52 }],
    ]);
    const found = await index.lookup([a, b, unknown]);
    expect(found.get(a)).toEqual({ streamId: 'project-1', version: 1, position: 4_096 });
    expect(found.get(b)).toEqual({ streamId: 'project-1', version: 2, position: 2 ** 52 });
    expect(found.has(unknown)).toBe(false);
  });

  it('keeps the first record of an id when a concurrent identical append records it again', async () => {
    const id = randomUUID();
    await index.record([[id, { streamId: 'project-2', version: 1, position: 10 }]]);
    await index.record([[id, { streamId: 'project-2', version: 1, position: 99 }]]);
    expect((await index.lookup([id])).get(id)).toMatchObject({ position: 10 });
  });
});
