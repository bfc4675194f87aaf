import { randomInt } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DATABASE_URL } from '@app/platform';

/**
 * The advisory-lock space (two-key form, apart from every one-key lock) of the
 * process incarnations that own Idempotency-Key claims.
 */
export const OWNER_LOCK_SPACE = 7_340_012;
const CONNECT_TIMEOUT_MS = 5_000;

interface Incarnation {
  client: Client;
  id: number;
}

/**
 * Who owns this process's claims: a random incarnation id, held as a
 * session-level advisory lock on a connection of its own for the life of the
 * process. PostgreSQL drops the lock the moment that connection ends: when the
 * process is killed, the kernel closes its socket and the server notices at
 * once. Another replica then finds the lock free, and the claims of the dead
 * incarnation free with it (IdempotencyStore.claim). A lost connection (a
 * database restart) makes a new incarnation on the next claim.
 */
@Injectable()
export class IdempotencyOwner implements OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private current: Incarnation | undefined;
  private connecting: Promise<Incarnation> | undefined;

  constructor(@Inject(DATABASE_URL) private readonly url: string) {}

  /** This incarnation's id; connects (and locks) first when there is none. */
  async id(): Promise<number> {
    if (this.current) return this.current.id;
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return (await this.connecting).id;
  }

  async onApplicationShutdown(): Promise<void> {
    const incarnation = this.current;
    this.current = undefined;
    // Ending the session releases the lock.
    await incarnation?.client.end().catch(() => undefined);
  }

  private async connect(): Promise<Incarnation> {
    const client = new Client({
      connectionString: this.url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
      application_name: 'idempotency-owner',
    });
    const lost = (reason: string) => {
      if (this.current?.client !== client) return;
      this.current = undefined;
      this.logger.warn(`claim owner connection lost (${reason}); the next claim takes a new incarnation`);
    };
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('closed'));
    try {
      await client.connect();
      for (;;) {
        const id = randomInt(1, 2 ** 31 - 1);
        const { rows } = await client.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_lock($1, $2) AS locked',
          [OWNER_LOCK_SPACE, id],
        );
        if (rows[0].locked) {
          this.current = { client, id };
          return this.current;
        }
      }
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }
}
