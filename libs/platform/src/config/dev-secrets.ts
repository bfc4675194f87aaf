import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * In embedded mode a secret that is not set is generated once into DATA_DIR
 * (mode 0600) and reused, so tokens and encrypted data survive restarts.
 * Production sets every secret explicitly: with NODE_ENV=production loadConfig
 * refuses to start without them (unless ALLOW_GENERATED_KEYS=true), so this is
 * never reached there for the keys, and never for the JWT secret.
 */
export function devSecret(
  dataDir: string,
  name: string,
  make: () => string = () => randomBytes(32).toString('base64'),
): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `${name}.secret`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = make();
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
