import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';

/** What the provider saw at its token endpoint: whether the PKCE verifier matched the challenge. */
export interface CodeExchange {
  clientId: string;
  pkceVerified: boolean;
}

export interface FakeIdentityProvider {
  issuer: string;
  jwksUrl: string;
  exchanges: CodeExchange[];
  close(): Promise<void>;
}

/**
 * A minimal OpenID Connect provider on a local port, for the browser test of
 * the web client's log-in: discovery, an authorization endpoint that logs the
 * user in at once and redirects back with a code, a token endpoint that checks
 * the PKCE verifier (S256) and issues an RS256 access token for the API and an
 * ID token with the nonce, and its key set.
 */
export async function startFakeIdentityProvider(user: {
  sub: string;
  name: string;
  roles: string[];
  audience: string;
}): Promise<FakeIdentityProvider> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'fake-1', alg: 'RS256', use: 'sig' };
  const codes = new Map<
    string,
    { challenge: string; nonce: string; clientId: string; redirectUri: string }
  >();
  const exchanges: CodeExchange[] = [];
  let issuer = '';

  const sign = (claims: Record<string, unknown>, audience: string, key: KeyLike) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'fake-1' })
      .setIssuer(issuer)
      .setSubject(user.sub)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);

  const server: Server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', '*');
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (url.pathname === '/.well-known/openid-configuration')
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['none'],
      });
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const p = url.searchParams;
      const code = randomUUID();
      codes.set(code, {
        challenge: p.get('code_challenge') ?? '',
        nonce: p.get('nonce') ?? '',
        clientId: p.get('client_id') ?? '',
        redirectUri: p.get('redirect_uri') ?? '',
      });
      const back = new URL(p.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', p.get('state') ?? '');
      res.writeHead(302, { Location: back.href });
      return void res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST')
      return void readForm(req).then(async (form) => {
        const pending = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        if (!pending || form.get('redirect_uri') !== pending.redirectUri)
          return json(400, { error: 'invalid_grant' });
        const verifier = form.get('code_verifier') ?? '';
        const pkceVerified = createHash('sha256').update(verifier).digest('base64url') === pending.challenge;
        exchanges.push({ clientId: form.get('client_id') ?? '', pkceVerified });
        if (!pkceVerified) return json(400, { error: 'invalid_grant', error_description: 'PKCE verifier' });
        json(200, {
          token_type: 'Bearer',
          expires_in: 600,
          access_token: await sign({ name: user.name, roles: user.roles }, user.audience, privateKey),
          id_token: await sign({ name: user.name, nonce: pending.nonce }, pending.clientId, privateKey),
        });
      });
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    exchanges,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}
