import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventHash, type EventMetadata } from '@app/event-store';
import { Notary, type Checkpoint } from '@app/audit';
import type { FixedClock } from '@app/shared-kernel';
import { auditVerify } from '../../apps/worker/src/audit-verify';
import { ParticipationApi, type Scenario } from '../participation/support/builders';
import { rewriteStoredEvent } from './support/tamper';

/** `npm run audit:verify -- --checkpoint <file>`, called through its main function against the app's database. */
describe('audit:verify command', () => {
  let api: ParticipationApi;
  let s: Scenario;
  let checkpointFile: string;
  let checkpoint: Checkpoint;
  const dir = mkdtempSync(join(tmpdir(), 'audit-verify-'));

  const run = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await auditVerify(argv, {
      env: { DATABASE_URL: api.t.db.url, DATA_DIR: dir },
      out: (text) => (out += text),
      err: (text) => (err += text),
    });
    return { code, out, err };
  };

  beforeAll(async () => {
    api = await ParticipationApi.start();
    s = await api.scenario();
    await api.t.settled();
    (api.t.clock as FixedClock).advance(61_000);
    await api.t.app.get(Notary).checkpointIfDue();
    const res = await api.get('/v1/audit/checkpoints/latest', 'auditor');
    checkpoint = res.body as Checkpoint;
    checkpointFile = join(dir, 'checkpoint.json');
    writeFileSync(checkpointFile, JSON.stringify(checkpoint));
  });

  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 on an untouched log and says what it checked', async () => {
    const { code, out, err } = await run('--checkpoint', checkpointFile);
    const events = await api.eventCount();
    expect(out).toContain(`verified: ${events} events`);
    // Progress goes to stderr, never into the report.
    expect(err).toContain(`audit:verify: ${events} events rehashed, done`);
    expect(err).toMatch(/audit:verify: \d+ notary leaves read, done/);
    expect(out).not.toContain('audit:verify:');
    expect(out).toContain(`checkpoint of ${checkpoint.treeSize} events`);
    expect(code).toBe(0);
  });

  it('says when only the key inside the checkpoint file was used, and not when the published key is given', async () => {
    const fileKeyOnly = await run('--checkpoint', checkpointFile);
    expect(fileKeyOnly.code).toBe(0);
    expect(fileKeyOnly.err).toContain('checked only against the public key inside the checkpoint file');
    expect(fileKeyOnly.err).toContain('GET /v1/audit/public-key');

    const published = await api.get('/v1/audit/public-key', 'auditor').expect(200);
    expect(published.body).toEqual({ algorithm: 'Ed25519', publicKey: checkpoint.publicKey });
    await api.get('/v1/audit/public-key', 'lead').expect(403);
    const trusted = await run('--checkpoint', checkpointFile, '--public-key', published.body.publicKey);
    expect(trusted.code).toBe(0);
    // stderr has the progress lines only, not the note about the key inside the file.
    expect(trusted.err).not.toContain('NOTE:');
    expect(trusted.err).toMatch(/events rehashed, done/);
    const json = await run('--checkpoint', checkpointFile, '--json');
    expect(JSON.parse(json.out)).toMatchObject({ verified: true, keySource: 'checkpoint-file' });
  });

  it('refuses a checkpoint signed by another key than the one trusted', async () => {
    const { code, out } = await run(
      '--checkpoint',
      checkpointFile,
      '--public-key',
      Buffer.alloc(32, 1).toString('base64'),
    );
    expect(code).toBe(1);
    expect(out).toContain('the checkpoint signature does not verify');
  });

  it('refuses a checkpoint file whose root was edited', async () => {
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, JSON.stringify({ ...checkpoint, rootHash: Buffer.alloc(32).toString('base64') }));
    const { code, out } = await run('--checkpoint', edited);
    expect(code).toBe(1);
    expect(out).toContain('signature does not verify');
  });

  it('exits 2 with the usage on bad arguments or a file that is not a checkpoint', async () => {
    expect((await run()).code).toBe(2);
    expect((await run()).err).toContain('--checkpoint <file> is required');
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{"hello": 1}');
    const bad = await run('--checkpoint', junk);
    expect(bad).toMatchObject({ code: 2, err: expect.stringContaining('is not a checkpoint') });
    expect((await run('--checkpoint', join(dir, 'missing.json'))).code).toBe(2);
  });

  it('exits 1 and names the event an attacker rewrote, stored hash and all', async () => {
    const res = await api.get(`/v1/audit/streams/involvement-${s.involvementId}`, 'admin');
    const logged = res.body.items[0] as {
      position: number;
      streamId: string;
      version: number;
      type: string;
      data: Record<string, unknown>;
      metadata: EventMetadata;
    };
    const forged = { ...logged, data: { ...logged.data, attendance: 'remote' } };
    await rewriteStoredEvent(api.t.db.pool, logged.position, { data: forged.data, hash: eventHash(forged) });

    const { code, out } = await run('--checkpoint', checkpointFile, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({
      verified: false,
      failures: [{ position: logged.position, streamId: logged.streamId, version: 1 }],
    });
    const text = await run('--checkpoint', checkpointFile);
    expect(text.out).toContain(
      `event at position ${logged.position} (stream involvement-${s.involvementId}, version 1)`,
    );
  });
});
