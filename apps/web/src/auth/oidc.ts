import * as oauth from 'oauth4webapi';

/** The identity provider as the server's /web-client/config describes it. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  redirectUri: string | null;
  scope: string;
}

const PENDING = 'brukermedvirkning.oidc';

function redirectUriOf(config: OidcConfig): string {
  return config.redirectUri ?? `${window.location.origin}/`;
}

/** Plain http only when the operator configured an http issuer (a local development provider). */
function transport(config: OidcConfig) {
  return { [oauth.allowInsecureRequests]: new URL(config.issuer).protocol === 'http:' };
}

async function discover(config: OidcConfig): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(config.issuer);
  return oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...transport(config) }),
  );
}

/** Sends the browser to the identity provider: authorization code with PKCE (S256), state and nonce. */
export async function startOidcLogin(config: OidcConfig): Promise<void> {
  const server = await discover(config);
  if (!server.authorization_endpoint) throw new Error('the identity provider has no authorization endpoint');
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, nonce }));
  const url = new URL(server.authorization_endpoint);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', redirectUriOf(config));
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', config.scope);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  url.searchParams.set('nonce', nonce);
  window.location.assign(url.href);
}

/** True when the page was opened by the provider's redirect (a `code` or an `error` with our state). */
export function isOidcCallback(): boolean {
  const params = new URLSearchParams(window.location.search);
  return sessionStorage.getItem(PENDING) !== null && (params.has('code') || params.has('error'));
}

/**
 * Exchanges the code for tokens (PKCE verifier, state and nonce checked by
 * oauth4webapi) and returns the access token the API verifies.
 */
export async function finishOidcLogin(config: OidcConfig): Promise<string> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? '{}') as {
    verifier?: string;
    state?: string;
    nonce?: string;
  };
  sessionStorage.removeItem(PENDING);
  const server = await discover(config);
  const client: oauth.Client = { client_id: config.clientId };
  const params = oauth.validateAuthResponse(server, client, new URL(window.location.href), pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client,
    oauth.None(),
    params,
    redirectUriOf(config),
    pending.verifier ?? '',
    transport(config),
  );
  const result = await oauth.processAuthorizationCodeResponse(server, client, response, {
    expectedNonce: pending.nonce,
    requireIdToken: true,
  });
  // The code and state leave the address bar, so a reload does not replay them.
  window.history.replaceState(null, '', `${window.location.pathname}#/`);
  return result.access_token;
}
