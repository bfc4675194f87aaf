import { Pool } from 'pg';
// Straight from the files, so the process transpiles the relay and the bus only (not the Nest module).
import { InProcessIntegrationBus } from '../../../libs/messaging/src/in-process/in-process-integration-bus';
import { OutboxRelay } from '../../../libs/messaging/src/outbox/outbox-relay';

/**
 * Another replica's outbox relay, in a process of its own (started by
 * test/messaging/outbox-relay-batches.int.spec.ts with tools/register-ts.js):
 * argv[2] the database URL, argv[3] the relay's options as JSON. Prints
 * `started` once running; on SIGTERM stops and prints `{"sent": n}`.
 */
async function main(): Promise<void> {
  const [url, options] = process.argv.slice(2);
  const pool = new Pool({ connectionString: url, max: 6 });
  pool.on('error', () => undefined);
  const relay = new OutboxRelay(pool, new InProcessIntegrationBus(pool), JSON.parse(options));
  relay.start();
  process.stdout.write('started\n');
  process.once('SIGTERM', () => {
    void (async () => {
      await relay.stop();
      await pool.end();
      process.stdout.write(`${JSON.stringify({ sent: relay.status().sent })}\n`);
      process.exit(0);
    })();
  });
}

void main();
