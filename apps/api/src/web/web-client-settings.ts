import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ConfigError } from '@app/platform';

/** The identity provider the web client logs in with (OpenID Connect, authorization code + PKCE). */
export interface WebOidcSettings {
  /** WEB_OIDC_ISSUER: the provider's issuer URL; its discovery document is read from the browser. */
  issuer: string;
  /** WEB_OIDC_CLIENT_ID: the public client registered for this web client (no secret: PKCE). */
  clientId: string;
  /** WEB_OIDC_REDIRECT_URI: where the provider sends the browser back; unset, the page's own origin + `/`. */
  redirectUri: string | null;
  /** WEB_OIDC_SCOPE: default `openid profile`. */
  scope: string;
}

export interface WebClientSettings {
  /** WEB_CLIENT_DIR: the built client (`npm start` builds it into dist/web). */
  dir: string;
  oidc: WebOidcSettings | null;
}

type Env = Record<string, string | undefined>;

/** The web client's settings; a half-configured identity provider stops the start with what is missing. */
export function loadWebClientSettings(env: Env = process.env): WebClientSettings {
  const get = (name: string) => env[name]?.trim() || undefined;
  const problems: string[] = [];
  const issuer = get('WEB_OIDC_ISSUER');
  const clientId = get('WEB_OIDC_CLIENT_ID');
  const redirectUri = get('WEB_OIDC_REDIRECT_URI') ?? null;
  if ((issuer === undefined) !== (clientId === undefined))
    problems.push(
      'WEB_OIDC_ISSUER and WEB_OIDC_CLIENT_ID are set together (the web client’s log-in) or not at all',
    );
  for (const [name, value] of [
    ['WEB_OIDC_ISSUER', issuer],
    ['WEB_OIDC_REDIRECT_URI', redirectUri ?? undefined],
  ] as const)
    if (value !== undefined && !/^https?:\/\/[^\s]+$/.test(value))
      problems.push(`${name} must be an http(s) URL`);
  if (problems.length > 0) throw new ConfigError(problems);
  const dir = get('WEB_CLIENT_DIR');
  return {
    dir: dir ? (isAbsolute(dir) ? dir : resolve(process.cwd(), dir)) : join(repositoryRoot(), 'dist', 'web'),
    oidc:
      issuer && clientId
        ? { issuer, clientId, redirectUri, scope: get('WEB_OIDC_SCOPE') ?? 'openid profile' }
        : null,
  };
}

/** The folder holding package.json above this file, from the sources (tests) and from dist/ alike. */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
