import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import type { AuthSettings } from './auth-settings';
import { AuthenticationFailed } from './authentication-failed';
import { signDevToken } from './dev-token';
import { TokenVerifier } from './token-verifier';

const SECRET = 'unit-test-secret-0123456789-abcdefghijklmnop';
const settings = (overrides: Partial<AuthSettings> = {}): AuthSettings => ({
  jwtSecret: SECRET,
  jwksUrl: undefined,
  issuer: undefined,
  audience: undefined,
  maxTokenHours: 12,
  ...overrides,
});

async function refusal(verifier: TokenVerifier, token: string): Promise<string> {
  const error = await verifier.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationFailed);
  return (error as AuthenticationFailed).message;
}

describe('TokenVerifier with an HS256 secret', () => {
  const verifier = new TokenVerifier(settings());

  it('accepts a token signed with the secret and maps its claims', async () => {
    const token = await signDevToken({ sub: 'kari', name: 'Kari Ærø', roles: ['project-lead'] }, SECRET);
    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'kari',
      name: 'Kari Ærø',
      roles: ['project-lead'],
    });
  });

  it('refuses another signature, an expired token, garbage and unsigned tokens, saying why', async () => {
    expect(await refusal(verifier, await signDevToken({ sub: 'k', roles: [] }, `${SECRET}-other`))).toMatch(
      /signature/,
    );
    expect(
      await refusal(verifier, await signDevToken({ sub: 'k', roles: [], expires: '-5m' }, SECRET)),
    ).toMatch(/expired/);
    expect(await refusal(verifier, 'not-a-jwt')).toMatch(/well-formed/);
    expect(await refusal(verifier, new UnsecuredJWT({ sub: 'k' }).encode())).toMatch(/none are not accepted/);
  });

  it('refuses a token without sub', async () => {
    const token = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    expect(await refusal(verifier, token)).toMatch(/no subject/);
  });

  it('refuses RS256 tokens when no JWKS is configured', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('k')
      .setExpirationTime('1h')
      .sign(privateKey);
    expect(await refusal(verifier, token)).toMatch(/RS256 are not accepted/);
  });

  it('checks issuer and audience when they are set', async () => {
    const strict = new TokenVerifier(
      settings({ issuer: 'https://idp.example', audience: 'brukermedvirkning' }),
    );
    const good = await signDevToken(
      { sub: 'k', roles: [], issuer: 'https://idp.example', audience: 'brukermedvirkning' },
      SECRET,
    );
    await expect(strict.verify(good)).resolves.toMatchObject({ sub: 'k' });
    expect(
      await refusal(
        strict,
        await signDevToken({ sub: 'k', roles: [], issuer: 'https://idp.example', audience: 'other' }, SECRET),
      ),
    ).toMatch(/aud/);
    expect(await refusal(strict, await signDevToken({ sub: 'k', roles: [] }, SECRET))).toMatch(/iss/);
  });
});

describe('TokenVerifier time claims (exp required, iat not ahead, AUTH_MAX_TOKEN_HOURS)', () => {
  const verifier = new TokenVerifier(settings({ maxTokenHours: 12 }));
  const HOUR = 3600;
  const now = () => Math.floor(Date.now() / 1000);
  const signed = (times: { iat?: number; exp?: number }) => {
    let jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('k');
    if (times.iat !== undefined) jwt = jwt.setIssuedAt(times.iat);
    if (times.exp !== undefined) jwt = jwt.setExpirationTime(times.exp);
    return jwt.sign(new TextEncoder().encode(SECRET));
  };

  it('refuses a token without exp', async () => {
    expect(await refusal(verifier, await signed({ iat: now() }))).toMatch(/no expiry \(exp\)/);
    expect(await refusal(verifier, await signed({}))).toMatch(/no expiry \(exp\)/);
  });

  it('refuses exp in the year 3000', async () => {
    const year3000 = Date.UTC(3000, 0, 1) / 1000;
    expect(await refusal(verifier, await signed({ iat: now(), exp: year3000 }))).toMatch(
      /longer than 12 hours/,
    );
    expect(await refusal(verifier, await signed({ exp: year3000 }))).toMatch(/longer than 12 hours/);
  });

  it('refuses iat ten years ahead, and iat beyond the 30 s tolerance', async () => {
    const tenYears = 10 * 365 * 24 * HOUR;
    expect(await refusal(verifier, await signed({ iat: now() + tenYears, exp: now() + HOUR }))).toMatch(
      /issued in the future/,
    );
    expect(await refusal(verifier, await signed({ iat: now() + 120, exp: now() + HOUR }))).toMatch(
      /issued in the future/,
    );
  });

  it('refuses a lifetime just over the cap, and follows a configured cap', async () => {
    const issued = now();
    expect(await refusal(verifier, await signed({ iat: issued, exp: issued + 12 * HOUR + 1 }))).toMatch(
      /longer than 12 hours/,
    );
    const oneHour = new TokenVerifier(settings({ maxTokenHours: 1 }));
    const twoHours = await signed({ iat: issued, exp: issued + 2 * HOUR });
    expect(await refusal(oneHour, twoHours)).toMatch(/longer than 1 hours/);
    await expect(verifier.verify(twoHours)).resolves.toMatchObject({ sub: 'k' });
  });

  it('accepts a valid token: at the cap, iat within the tolerance, no iat, and dev tokens', async () => {
    const issued = now();
    await expect(
      verifier.verify(await signed({ iat: issued, exp: issued + 12 * HOUR })),
    ).resolves.toBeDefined();
    await expect(
      verifier.verify(await signed({ iat: issued + 20, exp: issued + HOUR })),
    ).resolves.toBeDefined();
    await expect(verifier.verify(await signed({ exp: issued + 11 * HOUR }))).resolves.toBeDefined();
    await expect(verifier.verify(await signDevToken({ sub: 'k', roles: [] }, SECRET))).resolves.toBeDefined();
  });

  it('says why in the WWW-Authenticate challenge', async () => {
    const error = await verifier.verify(await signed({ iat: now() })).catch((e: unknown) => e);
    expect((error as AuthenticationFailed).challenge).toBe(
      'Bearer realm="brukermedvirkning", error="invalid_token", error_description="The bearer token has no expiry (exp); tokens must expire within 12 hours (AUTH_MAX_TOKEN_HOURS)"',
    );
  });
});
