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
