import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

/** A stable 63-bit advisory-lock key, namespaced so it never collides with projection locks. */
export function messagingLockKey(name: string): string {
  const digest = createHash('sha256').update(`messaging:${name}`).digest();
  return (digest.readBigUInt64BE(0) & 0x7fffffffffffffffn).toString();
}

/**
 * A session-level PostgreSQL advisory lock held on a connection of its own:
 * whoever holds it is the only one doing the work (relay, group consumer)
 * across every process on the database. A lost connection loses the lock.
 */
export class AdvisoryLock {
  private holder: PoolClient | undefined;
  private readonly key: string;

  constructor(
    private readonly pool: Pool,
    name: string,
  ) {
    this.key = messagingLockKey(name);
  }

  get held(): boolean {
    return this.holder !== undefined;
  }

  /** True when this instance holds the lock (checking that its connection still lives). */
  async acquire(): Promise<boolean> {
    if (this.holder) {
      try {
        await this.holder.query('SELECT 1');
        return true;
      } catch {
        this.drop();
      }
    }
    const client = await this.pool.connect();
    client.on('error', ignore);
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        this.key,
      ]);
      if (rows[0].locked) {
        this.holder = client;
        return true;
      }
      giveBack(client);
      return false;
    } catch (error) {
      giveBack(client, true);
      throw error;
    }
  }

  async release(): Promise<void> {
    const client = this.holder;
    this.holder = undefined;
    if (!client) return;
    try {
      await client.query('SELECT pg_advisory_unlock($1)', [this.key]);
      giveBack(client);
    } catch {
      giveBack(client, true);
    }
  }

  /** Forgets a broken connection (the server has already dropped its lock). */
  drop(): void {
    const client = this.holder;
    this.holder = undefined;
    if (client) giveBack(client, true);
  }
}

function ignore(): void {}

/**
 * Back to the pool without the listener `acquire` added: a pooled connection
 * is handed out again and again (a standby process retries every round), and
 * each try would leave one more behind (MaxListenersExceededWarning).
 */
function giveBack(client: PoolClient, destroy = false): void {
  client.off('error', ignore);
  client.release(destroy);
}
