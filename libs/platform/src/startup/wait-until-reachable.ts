/** A server start-up needs, and how to tell whether it answers. */
export interface Dependency {
  /** What it is, for people: "PostgreSQL", "EventStoreDB", "Kafka". */
  name: string;
  /** The setting that points at it, named in the error so the operator knows what to fix. */
  setting: string;
  /** Where it was looked for, without credentials. */
  address: string;
  /** Resolves when the server answers; rejects (or times out) otherwise. */
  probe(timeoutMs: number): Promise<void>;
}

/** A dependency did not answer within STARTUP_TIMEOUT_SECONDS: start-up stops with this message. */
export class StartupTimeout extends Error {
  readonly setting: string;
  readonly address: string;

  constructor(
    dependency: Pick<Dependency, 'name' | 'setting' | 'address'>,
    timeoutSeconds: number,
    attempts: number,
    lastError: string,
  ) {
    super(
      `${dependency.name} at ${dependency.address} (${dependency.setting}) did not answer within ` +
        `${timeoutSeconds}s (${attempts} attempts; last error: ${lastError}). ` +
        `Check ${dependency.setting}, or give it longer with STARTUP_TIMEOUT_SECONDS.`,
    );
    this.name = 'StartupTimeout';
    this.setting = dependency.setting;
    this.address = dependency.address;
  }
}

export interface WaitOptions {
  timeoutSeconds: number;
  log?: (line: string) => void;
  /** First pause between attempts; doubles up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Probes a dependency until it answers, pausing with exponential backoff,
 * for at most `timeoutSeconds` in all; then throws StartupTimeout naming the
 * setting and the address.
 */
export async function waitUntilReachable(dependency: Dependency, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutSeconds * 1000;
  let delay = options.initialDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 5000;
  for (let attempt = 1; ; attempt += 1) {
    const remaining = deadline - Date.now();
    try {
      await withTimeout(dependency.probe(Math.max(100, Math.min(remaining, 5000))), Math.max(100, remaining));
      if (attempt > 1)
        options.log?.(`${dependency.name} at ${dependency.address} answered (attempt ${attempt})`);
      return;
    } catch (error) {
      const message = error instanceof Error ? error.message || error.name : String(error);
      const left = deadline - Date.now();
      if (left <= 0) throw new StartupTimeout(dependency, options.timeoutSeconds, attempt, message);
      options.log?.(
        `${dependency.name} at ${dependency.address} (${dependency.setting}) not reachable yet: ${message}; ` +
          `retrying in ${Math.min(delay, left)}ms`,
      );
      await new Promise((r) => setTimeout(r, Math.min(delay, left)));
      delay = Math.min(delay * 2, maxDelay);
    }
  }
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms}ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
