import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { PayoutsApi } from '../payouts/support/payouts-api';

/**
 * Issue 12, item 13: responses that carry personal data or exports are never
 * stored by a browser or proxy, no response is sniffed into another type, the
 * HTML annual report may run no script, and the access log keeps only the
 * query parameters a route knows.
 */
describe('response hygiene: caching, sniffing, CSP and the access log', () => {
  let api: PayoutsApi;
  let participantId: string;
  let batchId: string;

  beforeAll(async () => {
    api = await PayoutsApi.start();
    const projectId = await api.p.project();
    participantId = await api.p.participant();
    await api.p.appoint(projectId, participantId);
    await api.p.involvement(projectId, participantId);
    const drafted = await api.draft();
    expect(drafted.status).toBe(201);
    batchId = drafted.body.id;
    expect((await api.post(`/v1/payout-batches/${batchId}/approve`, 'fiona')).status).toBe(200);
    await api.p.t.settled();
  });
  afterAll(() => api.close());

  function expectPrivate(res: Response, status = 200): void {
    expect(res.status).toBe(status);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  }

  it('marks a personal-data read no-store and nosniff', async () => {
    const res = await api.p.get(`/v1/participants/${participantId}`, 'lead');
    expectPrivate(res);
    expect(res.body.name).toBe('Máret Ŋuolja');
  });

  it('marks both exports of a payout batch no-store and nosniff', async () => {
    const csv = await api.p.get(`/v1/payout-batches/${batchId}/export?format=csv`, 'finance').buffer(true);
    expectPrivate(csv);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expectPrivate(await api.p.get(`/v1/payout-batches/${batchId}/export?format=json`, 'finance'));
  });

  it('marks errors under /v1 no-store and nosniff too, and sniffing is off on public routes', async () => {
    expectPrivate(await api.p.get(`/v1/participants/${participantId}`, 'none'), 401);
    expectPrivate(await api.p.get('/v1/participants/nobody', 'admin'), 404);
    const health = await api.p.t.http.get('/health');
    expect(health.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the HTML annual report with a CSP that allows no script and only its own style', async () => {
    const res = await api.p.get('/v1/reports/annual?year=2025&format=html', 'admin');
    expectPrivate(res);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const csp: string = res.headers['content-security-policy'];
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.has('script-src')).toBe(false);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    // The page's one <style> element is allowed by its hash; no 'unsafe-inline', no inline style attributes.
    const styles = [...res.text.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256').update(styles[0], 'utf8').digest('base64');
    expect(directives.get('style-src')).toEqual([`'sha256-${hash}'`]);
    expect(res.text).not.toMatch(/<script|\sstyle=|\son\w+=/i);
  });

  it('keeps unknown query parameters out of the access log: at most their names, bounded', async () => {
    const evil = `${'<script>alert(1)</script>'.repeat(8)}`;
    expect(evil.length).toBe(200);
    const queries = [
      `/v1/audit/events?limit=5&evil=${encodeURIComponent(evil)}`,
      `/v1/audit/participants/${participantId}/history?evil=${encodeURIComponent(evil)}`,
      `/v1/audit/access-log?limit=1&evil=${encodeURIComponent(evil)}&${'x'.repeat(300)}=1`,
    ];
    for (const path of queries) expect((await api.p.get(path, 'admin')).status).toBe(200);
    const { rows } = await api.p.t.db.pool.query<{ subject: string; detail: Record<string, unknown> }>(
      `SELECT subject, detail FROM access_log WHERE action = 'audit-query'
       AND (subject IN ('events', 'access-log') OR subject LIKE 'participant-history:%') ORDER BY id`,
    );
    expect(rows).toHaveLength(3);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain('alert');
    expect(stored).not.toContain('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
    expect(rows[0].detail).toEqual({ limit: '5', ignoredParameters: { count: 1, names: ['evil'] } });
    expect(rows[1].detail).toEqual({ ignoredParameters: { count: 1, names: ['evil'] } });
    // A name that is not a short identifier is counted, not kept.
    expect(rows[2].detail).toEqual({ limit: '1', ignoredParameters: { count: 2, names: ['evil'] } });
  });
});
