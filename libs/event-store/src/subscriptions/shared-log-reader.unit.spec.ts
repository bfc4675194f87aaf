import type { ReadAllOptions, StoredEvent } from '../event-store.port';
import { SharedLogReader } from './shared-log-reader';
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

  it('answers a reader behind the newest read from memory while nothing was signalled since', async () => {
    const { reads, readAll } = log([2, 4, 6, 8]);
    const wake = new WakeSignal();
    const reader = new SharedLogReader(readAll, wake);
    const first = await reader.read(0, 10);
    const behind = await reader.read(4, 10);
    expect(reads).toHaveLength(1);
    expect(positionsOf(behind.events)).toEqual([6, 8]);
    expect(behind.ticket).toBe(first.ticket);
  });

  it('after a signal, reads on past the window once for all readers behind, and answers up to the new end', async () => {
    const { events, reads, readAll } = log([2, 4, 6, 8]);
    const wake = new WakeSignal();
    const reader = new SharedLogReader(readAll, wake);
    await reader.read(0, 10);
    events.push({ ...events[0], position: 10 }, { ...events[0], position: 12 });
    wake.notify();
    const [a, b] = await Promise.all([reader.read(4, 10), reader.read(6, 10)]);
    expect(positionsOf(a.events)).toEqual([6, 8, 10, 12]);
    expect(positionsOf(b.events)).toEqual([8, 10, 12]);
    expect(reads).toEqual([
      { after: 0, limit: 10 },
      { after: 8, limit: 10 },
    ]);
    // Read after the signal: a subscriber holding it is caught up.
    expect(a.ticket).toBe(wake.ticket());
  });

  it('never lets a reader think itself caught up on a window whose end came from a full read', async () => {
    const { reads, readAll } = log([1, 2, 3, 4, 5, 6]);
    const reader = new SharedLogReader(readAll, new WakeSignal());
    expect(positionsOf((await reader.read(0, 4)).events)).toEqual([1, 2, 3, 4]);
    const middle = await reader.read(2, 4);
    // The window's end came from a full read: read on past it first, so the batch is full.
    expect(positionsOf(middle.events)).toEqual([3, 4, 5, 6]);
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
