import { ConcurrencyGate, GateBusy } from './concurrency-gate';

function held() {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { done, release };
}

describe('ConcurrencyGate', () => {
  it('runs up to its limit at once, queues up to its bound, and refuses the rest with a retry hint', async () => {
    const gate = new ConcurrencyGate(2, 1);
    const started: number[] = [];
    const holds = [held(), held(), held()];
    const runs = holds.map((h, i) =>
      gate.run(async () => {
        started.push(i);
        await h.done;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    const refused = await gate.run(async () => 'never').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GateBusy);
    expect((refused as GateBusy).retryAfterSeconds).toBeGreaterThanOrEqual(1);

    holds[0].release();
    await runs[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    holds[1].release();
    holds[2].release();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    // Every slot is free again.
    expect(await Promise.all([gate.run(async () => 'a'), gate.run(async () => 'b')])).toEqual(['a', 'b']);
  });

  it('frees the slot when the work fails', async () => {
    const gate = new ConcurrencyGate(1, 0);
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 'next')).toBe('next');
  });
});
