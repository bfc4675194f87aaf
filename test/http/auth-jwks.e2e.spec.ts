import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { signDevToken } from '../../apps/api/src/http/auth/dev-token';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';
import { AuthProbeController } from './support/probe.controllers';

const ISSUER = 'https://idp.example.no/realms/helse';
const AUDIENCE = 'brukermedvirkning-api';

/** An identity provider's key set on a local port, as AUTH_JWKS_URL sees it. */
async function serveJwks(keys: object[]): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`, server };
}

async function oidcToken(
  key: KeyLike,
  alg: string,
  kid: string,
  claims: { iss?: string; aud?: string } = {},
): Promise<string> {
  return new SignJWT({ name: 'Máret Ŋuolja', roles: ['auditor', 'offline_access'] })
    .setProtectedHeader({ alg, kid })
    .setSubject('maret')
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}

describe('authentication with an OIDC provider (AUTH_JWKS_URL, RS256/ES256)', () => {
  let t: TestApp;
  let jwks: Server;
  let rsa: KeyLike;
  let ec: KeyLike;
  let unknownRsa: KeyLike;

  beforeAll(async () => {
    const [rsaPair, ecPair, otherPair] = await Promise.all([
      generateKeyPair('RS256'),
      generateKeyPair('ES256'),
      generateKeyPair('RS256'),
    ]);
    [rsa, ec, unknownRsa] = [rsaPair.privateKey, ecPair.privateKey, otherPair.privateKey];
    const served = await serveJwks([
      { ...(await exportJWK(rsaPair.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ecPair.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ]);
    jwks = served.server;
    t = await startTestApp({
      env: { AUTH_JWKS_URL: served.url, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE },
      extraControllers: [AuthProbeController],
    });
  });
  afterAll(async () => {
    await t.close();
    jwks.closeAllConnections();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const me = (token: string) => t.http.get('/test/auth/me').set('Authorization', `Bearer ${token}`);

  it('accepts RS256 and ES256 tokens signed by the provider keys', async () => {
    const expected = { sub: 'maret', name: 'Máret Ŋuolja', roles: ['auditor'] };
    expect((await me(await oidcToken(rsa, 'RS256', 'rsa-1')).expect(200)).body).toEqual(expected);
    expect((await me(await oidcToken(ec, 'ES256', 'ec-1')).expect(200)).body).toEqual(expected);
  });

  it('refuses another audience or issuer', async () => {
    expect(
      (await me(await oidcToken(rsa, 'RS256', 'rsa-1', { aud: 'some-other-api' })).expect(401)).body.detail,
    ).toMatch(/aud/);
    expect(
      (await me(await oidcToken(rsa, 'RS256', 'rsa-1', { iss: 'https://evil.example' })).expect(401)).body
        .detail,
    ).toMatch(/iss/);
  });

  it('refuses a key the provider does not publish', async () => {
    expect((await me(await oidcToken(unknownRsa, 'RS256', 'rsa-2')).expect(401)).body.detail).toMatch(
      /key this API does not know/,
    );
  });

  it('generates no development secret in JWKS mode: HS256 tokens are refused', async () => {
    const res = await me(
      await signDevToken(
        { sub: 'kari', roles: ['admin'], issuer: ISSUER, audience: AUDIENCE },
        TEST_JWT_SECRET,
      ),
    ).expect(401);
    expect(res.body.detail).toMatch(/HS256 are not accepted/);
  });
});

describe('authentication when the OIDC provider cannot be reached', () => {
  let t: TestApp;
  let key: KeyLike;

  beforeAll(async () => {
    key = (await generateKeyPair('RS256')).privateKey;
    const { url, server } = await serveJwks([]);
    await new Promise((resolve) => server.close(resolve));
    t = await startTestApp({ env: { AUTH_JWKS_URL: url }, extraControllers: [AuthProbeController] });
  });
  afterAll(() => t.close());

  it('answers 503 problem+json: our outage, not a bad token', async () => {
    const res = await t.http
      .get('/test/auth/me')
      .set('Authorization', `Bearer ${await oidcToken(key, 'RS256', 'rsa-1')}`);
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toMatch(/identity provider/);
  });
});
