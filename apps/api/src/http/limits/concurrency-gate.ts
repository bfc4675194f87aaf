/** Thrown when every slot is taken and the queue is full: try again after `retryAfterSeconds`. */
export class GateBusy extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('busy');
  }
}

/**
 * A counting semaphore with a bounded queue: at most `limit` runs at once,
 * at most `queue` more wait in arrival order, anything beyond is refused at
 * once with how long a run typically takes (a moving average, 1..60 s).
 */
export class ConcurrencyGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private typicalMs = 5_000;

  constructor(
    private readonly limit: number,
    private readonly queue: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.queue) throw new GateBusy(this.retryAfterSeconds());
      // release() hands its slot straight to the first waiter, so running stays counted.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running += 1;
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.typicalMs = 0.7 * this.typicalMs + 0.3 * (performance.now() - started);
      this.release();
    }
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }

  private retryAfterSeconds(): number {
    return Math.min(60, Math.max(1, Math.ceil(this.typicalMs / 1000)));
  }
}
