import { Client } from 'pg';

/**
 * Timers and deliveries that run beside any request: the notary's checkpoint
 * schedule, the outbox relay and the in-process bus, the advisory-lock
 * keepalive, key retention, pool health checks. A request's count leaves them out.
 */
export const BACKGROUND_STATEMENTS =
  /notary_|integration_outbox|integration_bus_messages|integration-message-key|DELETE FROM idempotency_records|^SELECT 1$/;

/** Transaction brackets, which both sides of a comparison share. */
export const TRANSACTION_BRACKETS = /^BEGIN$|^COMMIT$/;

type Query = (this: Client, ...args: unknown[]) => unknown;

/**
 * Counts the statements this test process sends to PostgreSQL through `pg`
 * (every pool and client, TypeORM's included) while `during` runs: each
 * kept statement's text, whitespace folded, first 80 characters. Install it
 * in `beforeAll` and take it off in `afterAll`.
 */
export class StatementCounter {
  readonly sent: string[] = [];
  private counting = false;
  private original: Query | undefined;

  private constructor(private readonly keeps: (text: string) => boolean) {}

  /** Every statement but those the patterns match. */
  static ignoring(...patterns: RegExp[]): StatementCounter {
    return new StatementCounter((text) => !patterns.some((p) => p.test(text)));
  }

  /** Only the statements the pattern matches. */
  static matching(pattern: RegExp): StatementCounter {
    return new StatementCounter((text) => pattern.test(text));
  }

  install(): void {
    const original = Client.prototype.query as unknown as Query;
    this.original = original;
    const record = (text: string) => {
      if (this.counting && this.keeps(text)) this.sent.push(text.replace(/\s+/g, ' ').trim().slice(0, 80));
    };
    (Client.prototype as unknown as { query: Query }).query = function counted(this: Client, ...args) {
      const first = args[0];
      record(typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '?'));
      return original.apply(this, args);
    };
  }

  uninstall(): void {
    if (this.original) (Client.prototype as unknown as { query: Query }).query = this.original;
    this.original = undefined;
  }

  /** Runs `work` with counting on, after forgetting what was counted before. */
  async during<T>(work: () => PromiseLike<T>): Promise<T> {
    this.sent.length = 0;
    this.counting = true;
    try {
      return await work();
    } finally {
      this.counting = false;
    }
  }
}
