import { writeFileSync } from 'node:fs';
import { Client } from 'pg';

/**
 * Preloaded into the API process by `npm run bench:http` (node -r): counts the
 * statements the process sends to PostgreSQL, by the first words of their SQL,
 * without touching the application. On SIGUSR2 it writes the counts so far as
 * JSON to BENCH_PG_COUNT_FILE; the bench asks before and after the measured
 * load and prints the difference per request (docs/adr/0019).
 */
const counts = new Map<string, number>();
const file = process.env.BENCH_PG_COUNT_FILE;

type Query = (this: Client, ...args: unknown[]) => unknown;
const original = Client.prototype.query as unknown as Query;
(Client.prototype as unknown as { query: Query }).query = function countedQuery(this: Client, ...args) {
  const first = args[0];
  const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '?');
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 70);
  counts.set(key, (counts.get(key) ?? 0) + 1);
  return original.apply(this, args);
};

if (file)
  process.on('SIGUSR2', () => {
    writeFileSync(file, JSON.stringify(Object.fromEntries(counts)));
  });
