import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devSecret } from '@app/platform';
import { generateSigningKey, publicKeyRaw } from '../notary';
import { notarySettings } from './notary-settings';

describe('notary signing key', () => {
  const publicKeyOf = (settings: ReturnType<typeof notarySettings>) =>
    publicKeyRaw(settings.signingKey).toString('base64');

  it('is generated once into DATA_DIR in embedded mode and reused at the next start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notary-key-'));
    const fromDataDir = (name: string, make: () => string) => devSecret(dir, name, make);
    const first = notarySettings(undefined, fromDataDir);
    const again = notarySettings(undefined, fromDataDir);
    expect(publicKeyOf(again)).toBe(publicKeyOf(first));
    expect(readFileSync(join(dir, 'notary-signing-key.secret'), 'utf8')).toContain('BEGIN PRIVATE KEY');
  });

  it('comes from NOTARY_SIGNING_KEY when set, and a bad one stops the start without echoing it', () => {
    const pem = generateSigningKey();
    const never = () => {
      throw new Error('must not generate a key when one is configured');
    };
    const configured = notarySettings(pem, never);
    expect(configured.signingKey.asymmetricKeyType).toBe('ed25519');
    expect(() => notarySettings('c2VjcmV0LW5vdC1hLWtleQ==', never)).toThrow(/neither PKCS#8 PEM nor base64/);
    expect(() => notarySettings('c2VjcmV0LW5vdC1hLWtleQ==', never)).not.toThrow(/c2VjcmV0/);
  });

  it('checkpoints at least every 1,000 events or 60 seconds', () => {
    const settings = notarySettings(generateSigningKey(), () => '');
    expect(settings).toMatchObject({ eventsPerCheckpoint: 1000, maxPendingMs: 60_000 });
  });
});
