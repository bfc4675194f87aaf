import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { LogVerifier, type Checkpoint, type VerificationProgress, type VerificationReport } from '@app/audit';
import { RAW_EVENT_STORE, type EventStore } from '@app/event-store';
import { ConfigError, loadConfig, PlatformModule, startDatabase, type PlatformOptions } from '@app/platform';

const USAGE = `usage: npm run audit:verify -- --checkpoint <file> [--public-key <base64>] [--json]
  <file>        a checkpoint as GET /v1/audit/checkpoints/latest served it
  --public-key  the notary key you trust (base64 of the raw 32-byte Ed25519 key),
                as the trust published it out of band (GET /v1/audit/public-key
                shows it). Without it only the key inside the checkpoint file is
                used, which proves nothing about who signed: the output says so.
  --json        print the whole report as JSON
Reads the database from DATABASE_URL, or the embedded server in DATA_DIR.
Progress goes to stderr, the report to stdout.
`;

export interface AuditVerifyIo {
  env?: NodeJS.ProcessEnv;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

/** Only the platform (database and event store): nothing runs, nothing is written. */
@Module({})
class VerifyModule {
  static register(options: PlatformOptions): DynamicModule {
    return { module: VerifyModule, imports: [PlatformModule.forRoot(options)] };
  }
}

/**
 * `npm run audit:verify -- --checkpoint <file>`: what an outside auditor runs.
 * Rehashes every stored event (as stored, no upcasting), rebuilds the Merkle
 * tree and checks it against a checkpoint saved earlier, signature included.
 * 0: verified; 1: a failure (each named by position, stream and version); 2: bad usage.
 */
export async function auditVerify(argv: string[], io: AuditVerifyIo = {}): Promise<number> {
  const out = io.out ?? ((text) => process.stdout.write(text));
  const err = io.err ?? ((text) => process.stderr.write(text));
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    err(`${args}\n${USAGE}`);
    return 2;
  }
  const checkpoint = readCheckpoint(args.checkpoint);
  if (typeof checkpoint === 'string') {
    err(`${checkpoint}\n`);
    return 2;
  }
  const config = { ...loadConfig(io.env ?? process.env), runWorkers: false };
  const database = await startDatabase(config, () => undefined);
  try {
    const app = await NestFactory.createApplicationContext(
      VerifyModule.register({ config, databaseUrl: database.url }),
      { logger: ['error'] },
    );
    try {
      const verifier = new LogVerifier(app.get<EventStore>(RAW_EVENT_STORE), app.get(DataSource));
      const report = await verifier
        .verify(checkpoint, args.publicKey ?? checkpoint.publicKey, { onProgress: progressOn(err) })
        .finally(() => verifier.close());
      const keySource = args.publicKey ? 'given' : 'checkpoint-file';
      out(args.json ? `${JSON.stringify({ ...report, keySource }, null, 2)}\n` : describe(report));
      if (!args.publicKey) err(`${UNTRUSTED_KEY_WARNING}\n`);
      return report.verified ? 0 : 1;
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}

/** Progress on stderr (stdout stays the report): about once a second, and when each phase ends. */
function progressOn(err: (text: string) => void): (progress: VerificationProgress) => void {
  let last = performance.now();
  return ({ phase, done, complete }) => {
    if (!complete && performance.now() - last < 1000) return;
    last = performance.now();
    err(
      `audit:verify: ${done} ${phase === 'events' ? 'events rehashed' : 'notary leaves read'}${complete ? ', done' : ''}\n`,
    );
  };
}

/** Said on every run without --public-key, verified or not. */
export const UNTRUSTED_KEY_WARNING =
  'NOTE: checked only against the public key inside the checkpoint file, so this shows the log matches ' +
  'the file, not who signed it. Pass --public-key <base64> with the key the trust published out of band ' +
  '(an admin or auditor reads it from GET /v1/audit/public-key).';

function parseArgs(argv: string[]): { checkpoint: string; publicKey?: string; json: boolean } | string {
  let checkpoint: string | undefined;
  let publicKey: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--checkpoint' || arg === '--public-key') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return `${arg} needs a value`;
      if (arg === '--checkpoint') checkpoint = value;
      else publicKey = value;
      i += 1;
    } else return `unknown argument: ${arg}`;
  }
  if (checkpoint === undefined) return '--checkpoint <file> is required';
  return { checkpoint, publicKey, json };
}

function readCheckpoint(file: string): Checkpoint | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return `cannot read the checkpoint ${file}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const cp = parsed as Partial<Checkpoint> | null;
  const fields = ['origin', 'rootHash', 'signature', 'publicKey'] as const;
  if (
    typeof cp !== 'object' ||
    cp === null ||
    typeof cp.treeSize !== 'number' ||
    fields.some((field) => typeof cp[field] !== 'string')
  ) {
    return `${file} is not a checkpoint: expected {origin, treeSize, rootHash, signedAt, signature, publicKey}`;
  }
  return { signedAt: '', ...cp } as Checkpoint;
}

function describe(report: VerificationReport): string {
  const against = report.checkpoint
    ? `against the checkpoint of ${report.checkpoint.treeSize} events (${report.checkpoint.origin})`
    : 'without a checkpoint';
  if (report.verified) return `verified: ${report.events} events rehashed, tree checked ${against}\n`;
  const lines = report.failures.map((f) =>
    f.position === null
      ? `  the log: ${f.reason}`
      : `  event at position ${f.position} (stream ${f.streamId ?? '?'}, version ${f.version ?? '?'}): ${f.reason}`,
  );
  return `VERIFICATION FAILED: ${report.failures.length} problem(s) in ${report.events} events, checked ${against}\n${lines.join('\n')}\n`;
}

if (require.main === module) {
  auditVerify(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
