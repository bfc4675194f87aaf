/** How much one caller, and the process as a whole, may ask of the API (ADR 0013). */
export interface LimitsConfig {
  /** Requests one caller may make in any 60 s; null: no per-minute limit. */
  ratePerMinute: number | null;
  /** Requests one caller may make in any 1 s; null: no burst limit. */
  rateBurst: number | null;
  /** Expensive operations (annual report, audit verification, payout draft and export) running at once, per kind. */
  expensiveConcurrency: number;
  /** How many more of one kind may wait for a free slot; beyond that the API answers 503 with Retry-After. */
  expensiveQueue: number;
}

type Get = (name: string) => string | undefined;

/** Reads the RATE_LIMIT_* and EXPENSIVE_* settings; each problem is pushed, named, onto `problems`. */
export function loadLimitsConfig(get: Get, problems: string[]): LimitsConfig {
  return {
    ratePerMinute: rateLimit(get, 'RATE_LIMIT_PER_MINUTE', 600, problems),
    rateBurst: rateLimit(get, 'RATE_LIMIT_BURST', 100, problems),
    expensiveConcurrency: wholeNumber(get, 'EXPENSIVE_CONCURRENCY', 2, 1, 64, problems),
    expensiveQueue: wholeNumber(get, 'EXPENSIVE_QUEUE', 4, 0, 1000, problems),
  };
}

/** A positive whole number of requests, or 0 / "off" for no limit. */
function rateLimit(get: Get, name: string, fallback: number, problems: string[]): number | null {
  const raw = get(name);
  if (raw !== undefined && raw.toLowerCase() === 'off') return null;
  const value = wholeNumber(get, name, fallback, 0, 1_000_000, problems, ', or "off"');
  return value === 0 ? null : value;
}

function wholeNumber(
  get: Get,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
  alternative = '',
): number {
  const raw = get(name);
  if (raw === undefined) return fallback;
  const value = /^\d{1,7}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  problems.push(`${name} must be a whole number from ${min} to ${max}${alternative}, got "${raw}"`);
  return fallback;
}
