import { ConfigError, devSecret, type AppConfig } from '@app/platform';

/** How bearer tokens are verified; resolved once when the app is built. */
export interface AuthSettings {
  /** HS256 shared secret. */
  jwtSecret: string | undefined;
  /** OIDC provider's key set (RS256/ES256). */
  jwksUrl: string | undefined;
  /** Checked on every token when set. */
  issuer: string | undefined;
  audience: string | undefined;
  /** The longest lifetime a token may have (AUTH_MAX_TOKEN_HOURS). */
  maxTokenHours: number;
  /**
   * True only when jwtSecret is the development secret generated into DATA_DIR
   * (embedded mode, nothing configured): the web client's "Logg inn som" page
   * may then mint tokens. Never with AUTH_JWT_SECRET, AUTH_JWKS_URL or in production.
   */
  generatedDevelopmentSecret?: boolean;
}

export const AUTH_SETTINGS = Symbol('AuthSettings');

/**
 * AUTH_JWT_SECRET and/or AUTH_JWKS_URL as configured. In embedded mode (no
 * DATABASE_URL) with neither set, the HS256 secret is generated once into
 * DATA_DIR/auth-jwt.secret, the file `npm run token` signs with. Against a
 * real database server there is no generated secret: one of the two must be
 * set, or the start stops. In production (NODE_ENV=production) nothing is
 * generated: loadConfig already requires AUTH_JWKS_URL there.
 */
export function resolveAuthSettings(config: AppConfig): AuthSettings {
  const { jwtSecret, jwksUrl, issuer, audience, maxTokenHours } = config.auth;
  const generated = config.databaseUrl === undefined && !jwksUrl && !config.production;
  const secret = jwtSecret ?? (generated ? devSecret(config.dataDir, 'auth-jwt') : undefined);
  if (!secret && !jwksUrl)
    throw new ConfigError([
      'AUTH_JWT_SECRET or AUTH_JWKS_URL must be set (a development secret is generated only in embedded mode, without DATABASE_URL, outside production)',
    ]);
  return {
    jwtSecret: secret,
    jwksUrl,
    issuer,
    audience,
    maxTokenHours,
    generatedDevelopmentSecret: jwtSecret === undefined && generated,
  };
}

/** The HS256 key bytes: the secret's UTF-8 text as configured (not base64-decoded), as most JWT tools use it. */
export function hs256Key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}
