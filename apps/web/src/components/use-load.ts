import { useCallback, useEffect, useState } from 'react';

/** Loads once per key (and again on reload()): the data, or the error to show. */
export function useLoad<T>(load: (() => Promise<T>) | null, key: string) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!load) return;
    let current = true;
    setLoading(true);
    setError(null);
    load()
      .then((value) => current && setData(value))
      .catch((caught: unknown) => current && setError(caught))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}

/**
 * Lists come from read models that follow the log a moment behind a write:
 * after saving, load again (a few times, briefly) until what was saved shows.
 */
export async function loadUntil<T>(
  load: () => Promise<T>,
  ready: (value: T) => boolean,
  tries = 20,
): Promise<T> {
  let value = await load();
  for (let attempt = 1; attempt < tries && !ready(value); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await load();
  }
  return value;
}
