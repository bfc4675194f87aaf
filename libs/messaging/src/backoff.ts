export interface BackoffOptions {
  /** Delay after the first failure. */
  initialMs: number;
  /** The delay doubles per failure up to this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 200, maxMs: 30_000 };

/** Exponential backoff: the wait after `failures` failures in a row. */
export function backoffDelay(failures: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  if (failures <= 0) return 0;
  return Math.min(options.maxMs, options.initialMs * 2 ** Math.min(failures - 1, 30));
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
