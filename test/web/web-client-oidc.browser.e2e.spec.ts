import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { checkPage, launchChromium, openContext } from './support/browser';
import { startFakeIdentityProvider, type FakeIdentityProvider } from './support/fake-identity-provider';
import { buildClientInto, startWebApp, type WebApp } from './support/web-app';

/**
 * Log-in through the trust's identity provider (WEB_OIDC_*): the web client
 * runs the authorization code flow with PKCE (oauth4webapi) against a local
 * OpenID Connect provider, and the API accepts the access token it gets
 * (AUTH_JWKS_URL). No "Logg inn som" and no token endpoint of our own there.
 */
jest.setTimeout(120_000);

describe('the web client logging in with OpenID Connect', () => {
  let clientDir: string;
  let idp: FakeIdentityProvider;
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
    clientDir = await buildClientInto();
    idp = await startFakeIdentityProvider({
      sub: 'kari',
      name: 'Kari Nordmann',
      roles: ['project-lead'],
      audience: 'brukermedvirkning-api',
    });
    web = await startWebApp(
      clientDir,
      { AUTH_JWKS_URL: idp.jwksUrl, AUTH_ISSUER: idp.issuer, AUTH_AUDIENCE: 'brukermedvirkning-api' },
      { issuer: idp.issuer, clientId: 'brukermedvirkning-web', redirectUri: null, scope: 'openid profile' },
    );
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await idp?.close();
    if (clientDir) rmSync(clientDir, { recursive: true, force: true });
  });

  it('logs in with the authorization code and PKCE, then uses the API with the access token', async () => {
    const { context, page, problems } = await openContext(browser, web.baseUrl);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    expect(await page.getByText('Logg inn som (utviklingsmodus)').count()).toBe(0);
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: 'Mine prosjekter' }).waitFor();
    expect(page.url()).not.toContain('code=');
    expect(idp.exchanges).toEqual([{ clientId: 'brukermedvirkning-web', pkceVerified: true }]);
    await page.getByText('Kari Nordmann').first().waitFor();

    // The access token works against the API: creating a project as the lead.
    await page.getByLabel('Navn på prosjektet').fill('Innlogget med OIDC');
    await page.getByLabel('Organisasjon', { exact: false }).first().fill('helse-nord');
    await page.getByRole('button', { name: 'Opprett prosjekt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innlogget med OIDC' }).waitFor();
    await checkPage(page, '10-prosjekt-oidc');
    expect(problems).toEqual([]);
    await context.close();
  });
});
