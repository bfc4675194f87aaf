import * as jose from 'jose';
import { SignJWT } from 'jose';
import type { AuthSettings } from './auth-settings';
import { AuthenticationFailed } from './authentication-failed';
import { TokenVerifier } from './token-verifier';

jest.mock('jose', () => {
  const actual = jest.requireActual<typeof import('jose')>('jose');
  return { ...actual, jwtVerify: jest.fn(actual.jwtVerify) };
});

const SECRET = 'unit-test-secret-0123456789-abcdefghijklmnop';
const settings: AuthSettings = {
  jwtSecret: SECRET,
  jwksUrl: undefined,
  issuer: undefined,
  audience: undefined,
  maxTokenHours: 12,
};
const signatureChecks = jose.jwtVerify as jest.Mock;
const signed = (sub: string, exp: number) =>
  new SignJWT({ name: sub, roles: ['project-lead'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt(exp - 3600)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(SECRET));

describe('TokenVerifier remembers verified tokens until exp, never past it', () => {
  const start = Date.UTC(2026, 11, 1, 12, 0, 0);
  beforeEach(() => {
    jest.useFakeTimers({ now: start, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    signatureChecks.mockClear();
  });
  afterEach(() => jest.useRealTimers());

  it('checks the signature of a token once while it is valid, and answers a copy each time', async () => {
    const verifier = new TokenVerifier(settings);
    const token = await signed('kari', start / 1000 + 600);
    const first = await verifier.verify(token);
    first.roles.push('admin');
    const again = await verifier.verify(token);
    await verifier.verify(token);
    expect(again).toEqual({ sub: 'kari', name: 'kari', roles: ['project-lead'] });
    expect(signatureChecks).toHaveBeenCalledTimes(1);
  });

  it('checks the signature again a minute after it last did, so a withdrawn key stops a token within a minute', async () => {
    const verifier = new TokenVerifier(settings);
    const token = await signed('kari', start / 1000 + 3000);
    await verifier.verify(token);
    jest.setSystemTime(start + 59_000);
    await verifier.verify(token);
    expect(signatureChecks).toHaveBeenCalledTimes(1);
    jest.setSystemTime(start + 60_000);
    await verifier.verify(token);
    expect(signatureChecks).toHaveBeenCalledTimes(2);
  });

  it('refuses the token once it has expired, as without remembering', async () => {
    const verifier = new TokenVerifier(settings);
    const exp = start / 1000 + 600;
    const token = await signed('kari', exp);
    await verifier.verify(token);
    // Past exp the remembered answer is not used: the token is verified again (with the 30 s tolerance).
    jest.setSystemTime(exp * 1000 + 10_000);
    await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'kari' });
    expect(signatureChecks).toHaveBeenCalledTimes(2);
    jest.setSystemTime(exp * 1000 + 31_000);
    const refused = await verifier.verify(token).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AuthenticationFailed);
    expect((refused as Error).message).toMatch(/expired/);
  });

  it('does not answer for another token of the same caller, nor for a tampered one', async () => {
    const verifier = new TokenVerifier(settings);
    const token = await signed('kari', start / 1000 + 600);
    await verifier.verify(token);
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(verifier.verify(tampered)).rejects.toBeInstanceOf(AuthenticationFailed);
    await expect(verifier.verify(await signed('kari', start / 1000 + 900))).resolves.toBeDefined();
    expect(signatureChecks).toHaveBeenCalledTimes(3);
  });

  it('keeps at most 1,000 tokens: the oldest is verified again', async () => {
    const verifier = new TokenVerifier(settings);
    const tokens = await Promise.all(
      Array.from({ length: 1001 }, (_, i) => signed(`caller-${i}`, start / 1000 + 600)),
    );
    for (const token of tokens) await verifier.verify(token);
    expect(signatureChecks).toHaveBeenCalledTimes(1001);
    await verifier.verify(tokens[1000]);
    expect(signatureChecks).toHaveBeenCalledTimes(1001);
    await verifier.verify(tokens[0]);
    expect(signatureChecks).toHaveBeenCalledTimes(1002);
  });
});
