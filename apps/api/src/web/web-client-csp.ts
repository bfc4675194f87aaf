import type { WebOidcSettings } from './web-client-settings';

/**
 * The client's Content-Security-Policy: scripts, styles and fonts only from
 * this origin (no inline script, no CDN), images from here or data: URIs (the
 * design system's icons), calls to this API and, when configured, the
 * identity provider's origin (discovery and token endpoints).
 */
export function webClientCsp(oidc: WebOidcSettings | null): string {
  const connect = ["'self'", ...(oidc ? [new URL(oidc.issuer).origin] : [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
