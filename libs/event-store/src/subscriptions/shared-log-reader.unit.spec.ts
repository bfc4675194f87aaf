import type { ReadAllOptions, StoredEvent } from '../event-store.port';
import { STALE, SharedLogReader } from './shared-log-reader';
import { WakeSignal } from './wake-signal';

/** A log of events at the given positions (not necessarily dense, as on EventStoreDB), counting reads. */
function log(positions: number[]) {
  const events = positions.map(
    (position) =>
      ({
        position,
        streamId: 's',
        version: position,
        type: 'T',
        data: { position },
      }) as unknown as StoredEvent,
  );
  const reads: ReadAllOptions[] = [];
  const readAll = async (options: ReadAllOptions): Promise<StoredEvent[]> => {
    reads.push(options);
    await Promise.resolve();
    return events.filter((e) => e.position > options.after).slice(0, options.limit);
  };
  return { events, reads, readAll };
}

const positionsOf = (events: readonly StoredEvent[]) => events.map((e) => e.position);

describe('SharedLogReader', () => {
  it('shares a read in flight among readers asking for the same place', async () => {
    const { reads, readAll } = log([2, 4, 6]);
    const reader = new SharedLogReader(readAll, new WakeSignal());
    const answers = await Promise.all([reader.read(0, 10), reader.read(0, 10), reader.read(0, 10)]);
    expect(reads).toHaveLength(1);
    for (const answer of answers) expect(positionsOf(answer.events)).toEqual([2, 4, 6]);
  });

  it("answers a reader behind the newest read from memory, with that read's ticket when it reached the end", async () => {
    const { reads, readAll } = log([2, 4, 6, 8]);
    const wake = new WakeSignal();
    const reader = new SharedLogReader(readAll, wake);
    const first = await reader.read(0, 10);
    wake.notify();
    const behind = await reader.read(4, 10);
    expect(reads).toHaveLength(1);
    expect(positionsOf(behind.events)).toEqual([6, 8]);
    // Read before the signal: the subscriber must look again rather than think itself caught up.
    expect(behind.ticket).toBe(first.ticket);
    expect(behind.ticket).not.toBe(wake.ticket());
  });

  it('never lets a reader think itself caught up on a window whose end came from a full read', async () => {
    const { reads, readAll } = log([1, 2, 3, 4, 5, 6]);
    const reader = new SharedLogReader(readAll, new WakeSignal());
    expect(positionsOf((await reader.read(0, 4)).events)).toEqual([1, 2, 3, 4]);
    const middle = await reader.read(2, 4);
    expect(positionsOf(middle.events)).toEqual([3, 4]);
    expect(middle.ticket).toBe(STALE);
    // At the window's end the log is read again, and the window grows.
    expect(positionsOf((await reader.read(4, 4)).events)).toEqual([5, 6]);
    expect(positionsOf((await reader.read(3, 10)).events)).toEqual([4, 5, 6]);
    expect(reads).toEqual([
      { after: 0, limit: 4 },
      { after: 4, limit: 4 },
    ]);
  });

  it('keeps only the newest events and reads through for a reader behind them', async () => {
    const { reads, readAll } = log([1, 2, 3, 4, 5, 6, 7, 8]);
    const reader = new SharedLogReader(readAll, new WakeSignal(), 3);
    await reader.read(0, 100);
    expect(positionsOf((await reader.read(5, 100)).events)).toEqual([6, 7, 8]);
    expect(reads).toHaveLength(1);
    expect(positionsOf((await reader.read(2, 2)).events)).toEqual([3, 4]);
    expect(reads).toHaveLength(2);
  });

  it('serves the events after a position between two of the window (positions need not be dense)', async () => {
    const { readAll } = log([10, 20, 30]);
    const reader = new SharedLogReader(readAll, new WakeSignal());
    await reader.read(0, 10);
    expect(positionsOf((await reader.read(15, 10)).events)).toEqual([20, 30]);
    expect(positionsOf((await reader.read(0, 2)).events)).toEqual([10, 20]);
  });
});
