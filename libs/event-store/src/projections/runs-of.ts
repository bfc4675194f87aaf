/**
 * Splits items into maximal runs of consecutive items with the same key, in
 * order: a projection can write a run of one event type in one multi-row
 * statement and still apply a batch's events in order.
 */
export function runsOf<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const runs: T[][] = [];
  let previous: string | undefined;
  for (const item of items) {
    const k = key(item);
    if (runs.length > 0 && k === previous) runs[runs.length - 1].push(item);
    else runs.push([item]);
    previous = k;
  }
  return runs;
}

/** The last item for each key, in the order of their first appearance (for upserts of one row per key). */
export function lastByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(key(item), item);
  return [...byKey.values()];
}
