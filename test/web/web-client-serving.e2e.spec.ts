import { rmSync } from 'node:fs';
import { TEST_JWT_SECRET } from '../support/test-app';
import { buildClientInto, startWebApp, type WebApp } from './support/web-app';

/**
 * The web client as the API process serves it (docs/adr/0030): the page and
 * its bundles at `/` under a CSP that allows nothing inline and nothing from
 * another origin, and the "Logg inn som" token endpoint only with the
 * development secret the app generated itself.
 */
describe('the web client served by the API process', () => {
  let clientDir: string;
  beforeAll(async () => {
    clientDir = await buildClientInto();
  });
  afterAll(() => rmSync(clientDir, { recursive: true, force: true }));

  describe('in embedded development (generated secret)', () => {
    let web: WebApp;
    beforeAll(async () => {
      web = await startWebApp(clientDir);
    });
    afterAll(() => web.close());

    it('serves the page at / in bokmål, loading only its own script and stylesheet, under a strict CSP', async () => {
      const res = await fetch(`${web.baseUrl}/`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<html lang="nb">');
      const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(sources.length).toBe(2);
      for (const source of sources) expect(source).toMatch(/^\/assets\/app-[A-Z0-9]+\.(js|css)$/);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("font-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
      for (const source of sources) {
        const asset = await fetch(`${web.baseUrl}${source}`);
        expect(asset.status).toBe(200);
        expect(asset.headers.get('content-security-policy')).toBe(csp);
      }
    });

    it('keeps the API under /v1 as it was (its own CSP, problem+json)', async () => {
      const res = await fetch(`${web.baseUrl}/v1/projects/unknown`);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    });

    it('offers "Logg inn som" and mints a token the API accepts', async () => {
      const config = await (await fetch(`${web.baseUrl}/web-client/config`)).json();
      expect(config).toEqual({
        oidc: null,
        devLogin: { roles: expect.arrayContaining(['project-lead', 'finance', 'auditor']) },
      });
      const minted = await fetch(`${web.baseUrl}/web-client/dev-tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sub: 'kari', name: 'Kari Nordmann', roles: ['project-lead'] }),
      });
      expect(minted.status).toBe(201);
      const { token } = (await minted.json()) as { token: string };
      const created = await fetch(`${web.baseUrl}/v1/projects`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({
          name: 'Nettklient',
          organizationId: 'helse-nord',
          region: 'helse-midt-norge',
          level: 'service',
        }),
      });
      expect(created.status).toBe(201);
    });

    it('refuses an unknown role, naming the field', async () => {
      const res = await fetch(`${web.baseUrl}/web-client/dev-tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sub: 'kari', name: 'Kari', roles: ['superuser'] }),
      });
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { errors: Array<{ field: string }> };
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain('roles');
    });
  });

  describe('with a configured secret', () => {
    let web: WebApp;
    beforeAll(async () => {
      web = await startWebApp(
        clientDir,
        { AUTH_JWT_SECRET: TEST_JWT_SECRET },
        {
          issuer: 'https://idp.example.no/realms/helse',
          clientId: 'brukermedvirkning-web',
          redirectUri: null,
          scope: 'openid profile',
        },
      );
    });
    afterAll(() => web.close());

    it('has no token endpoint: 404, as for any unknown path', async () => {
      const res = await fetch(`${web.baseUrl}/web-client/dev-tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sub: 'kari', name: 'Kari', roles: ['admin'] }),
      });
      expect(res.status).toBe(404);
    });

    it('tells the client to log in at the identity provider, whose origin alone the CSP adds', async () => {
      const config = await (await fetch(`${web.baseUrl}/web-client/config`)).json();
      expect(config).toEqual({
        oidc: {
          issuer: 'https://idp.example.no/realms/helse',
          clientId: 'brukermedvirkning-web',
          redirectUri: null,
          scope: 'openid profile',
        },
        devLogin: null,
      });
      const csp = (await fetch(`${web.baseUrl}/`)).headers.get('content-security-policy') ?? '';
      expect(csp).toContain("connect-src 'self' https://idp.example.no;");
    });
  });
});
