import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@app/platform';
import { resolveAuthSettings } from './auth-settings';

describe('resolveAuthSettings', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bm-auth-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('uses AUTH_JWT_SECRET when set', () => {
    const secret = 's'.repeat(40);
    expect(resolveAuthSettings(loadConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: secret })).jwtSecret).toBe(
      secret,
    );
  });

  it('in embedded mode generates the secret once into DATA_DIR/auth-jwt.secret and reuses it', () => {
    const first = resolveAuthSettings(loadConfig({ DATA_DIR: dataDir })).jwtSecret;
    expect(first).toBe(readFileSync(join(dataDir, 'auth-jwt.secret'), 'utf8').trim());
    expect(resolveAuthSettings(loadConfig({ DATA_DIR: dataDir })).jwtSecret).toBe(first);
  });

  it('generates no secret when a JWKS is configured', () => {
    const auth = resolveAuthSettings(
      loadConfig({
        DATA_DIR: join(dataDir, 'jwks'),
        AUTH_JWKS_URL: 'https://idp.example/jwks',
        AUTH_ISSUER: 'https://idp.example',
      }),
    );
    expect(auth).toEqual({
      jwtSecret: undefined,
      jwksUrl: 'https://idp.example/jwks',
      issuer: 'https://idp.example',
      audience: undefined,
      maxTokenHours: 12,
      generatedDevelopmentSecret: false,
    });
  });

  it('marks the generated development secret as such, and only it (the web client\'s "Logg inn som")', () => {
    expect(resolveAuthSettings(loadConfig({ DATA_DIR: dataDir })).generatedDevelopmentSecret).toBe(true);
    const configured = loadConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: 's'.repeat(40) });
    expect(resolveAuthSettings(configured).generatedDevelopmentSecret).toBe(false);
    const server = loadConfig({
      DATA_DIR: dataDir,
      DATABASE_URL: 'postgres://u:p@db/bm',
      AUTH_JWT_SECRET: 's'.repeat(40),
    });
    expect(resolveAuthSettings(server).generatedDevelopmentSecret).toBe(false);
  });

  it('stops the start on a database server with neither a secret nor a JWKS', () => {
    expect(() =>
      resolveAuthSettings(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://u:p@db/bm' })),
    ).toThrow(ConfigError);
  });

  it('never generates a secret in production, even where ALLOW_GENERATED_KEYS lets keys be generated', () => {
    const prodDir = join(dataDir, 'production');
    expect(() =>
      resolveAuthSettings({
        ...loadConfig({ DATA_DIR: prodDir }),
        production: true,
        allowGeneratedKeys: true,
      }),
    ).toThrow(ConfigError);
    expect(existsSync(join(prodDir, 'auth-jwt.secret'))).toBe(false);
  });
});
