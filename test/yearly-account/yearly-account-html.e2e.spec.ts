import type { Browser, Page } from 'playwright-core';
import { ParticipationApi } from '../participation/support/builders';
import { launchChromium } from './support/chromium';
import { buildYear, ok } from './support/year';

const ORG = 'helse-midt-html';
/** The page's own origin in the browser: the app's real response is served there, headers included. */
const PAGE_URL = 'https://rapport.test/v1/reports/yearly-account';
const NBSP = '\u00a0';

/**
 * The yearly account's HTML in a real browser (Debian's Chromium, headless):
 * bokmål labels, never codes; nb-NO numbers, kroner and dates; two charts
 * with labelled axes; A4 print with a page break before each section; and
 * the same security headers as the annual report, enforced by the browser.
 */
describe('the yearly account as a page in Chromium', () => {
  let api: ParticipationApi;
  let browser: Browser;
  let page: Page;
  let headers: Record<string, string>;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    api = await ParticipationApi.start();
    await buildYear(api, ORG);
    const res = ok(
      await api.get(`/v1/reports/yearly-account?year=2025&organizationId=${ORG}&format=html`, 'auditor'),
      200,
    );
    headers = res.headers;
    page = await browser.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    await page.route('**/*', (route) =>
      route.request().url().startsWith(PAGE_URL)
        ? route.fulfill({ status: 200, headers, body: res.text })
        : route.abort(),
    );
    await page.goto(`${PAGE_URL}?year=2025&organizationId=${ORG}&format=html`);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('is served with the annual report’s security headers', () => {
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headers['content-security-policy']).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/,
    );
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cache-control']).toBe('no-store');
  });

  it('is in bokmål with the sections of the account, each starting a new page in print', async () => {
    expect(await page.evaluate('document.documentElement.lang')).toBe('nb');
    expect(await page.title()).toBe(`Årlig rapport om brukermedvirkning 2025 – ${ORG}`);
    expect(await page.locator('h2').allTextContents()).toEqual([
      '1. Tiltak i handlingsplanen',
      '2. Møter og personmøter',
      '3. Mangfold i representasjonen',
      '4. Opplæring',
      '5. Tilbakemelding, innflytelse og bekreftelse',
      '6. Prosjekter med risiko for skyggemedvirkning',
      '7. Økonomi: budsjett og regnskap',
    ]);
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.evaluate(
      "[...document.querySelectorAll('section.kapittel')].map((s) => getComputedStyle(s).breakBefore)",
    );
    expect(breaks).toEqual(Array(7).fill('page'));
    // The style applied at all means the CSP admitted it by its hash.
    expect(cspViolations).toEqual([]);
  });

  it('prints on A4, a page per section after the title page', async () => {
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(8);
  });

  it('uses Norwegian labels, never codes', async () => {
    const text = await page.locator('body').innerText();
    for (const label of [
      'Brukerutvalg',
      'Brukersamling',
      'Dialogsamtale',
      'systemnivå',
      'tjenestenivå',
      'individnivå',
      'pågår',
      'gjennomført',
      'Drift av brukerutvalg',
      'Tilskudd til brukerorganisasjoner',
      'brukerrepresentanter',
      'ansatte',
      'færre enn 5',
      'medvirkningen er ikke dokumentert',
    ])
      expect(text).toContain(label);
    for (const code of [
      'user-council',
      'user-gathering',
      'dialogue',
      'in-progress',
      'councilRunningCosts',
      'userOrganizationGrants',
      'not-documented',
      'representatives',
      'next-of-kin',
    ])
      expect(text).not.toContain(code);
    expect(text).not.toMatch(/\bsystem\b|\bservice\b/);
  });

  it('writes numbers, kroner and dates the Norwegian way', async () => {
    const cell = async (row: string, column: number) =>
      (
        await page.locator('#okonomi tr', { hasText: row }).first().locator('td').nth(column).innerText()
      ).trim();
    expect(await cell('Reise, kost og overnatting', 1)).toBe(`3${NBSP}195,00${NBSP}kr`);
    expect(await cell('Drift av brukerutvalg', 1)).toBe(`20${NBSP}000,00${NBSP}kr`);
    expect(await cell('Drift av brukerutvalg', 2)).toBe(`10${NBSP}000,00${NBSP}kr`);
    expect(await cell('Opplæring', 3)).toBe(`−500,00${NBSP}kr`);
    const text = await page.locator('body').innerText();
    expect(text).toContain('30. september 2025');
    expect(text).toContain('15. februar 2025');
    expect(text).toContain('2. juni 2025 kl. 11:00');
    expect(text).toContain(`40${NBSP}%`);
  });

  it('gives the meetings in Norwegian: a table by level and form, the cancelled one named apart', async () => {
    const section = page.locator('#moter');
    expect(await section.locator('caption').allTextContents()).toEqual([
      'Møter etter nivå og form',
      'Personmøter etter nivå og form',
    ]);
    const text = await section.innerText();
    expect(text).toContain(
      'Møter i alt: 3. Avlyste møter (ikke tatt med): 1. Personmøter i disse møtene: 3.',
    );
    const councilRow = section.locator('table').first().locator('tr', { hasText: 'Brukerutvalg' });
    expect((await councilRow.locator('td').allInnerTexts()).map((c) => c.trim())).toEqual([
      'Brukerutvalg',
      '0',
      '0',
      '3',
      '3',
    ]);
    expect(await section.locator('th').allInnerTexts()).toContain('systemnivå');
  });

  it('charts meetings, person-meetings and kroner per month with labelled axes', async () => {
    const chart = async (id: string) =>
      page.$eval(`svg#${id}`, (svg) => ({
        title: svg.getAttribute('aria-label'),
        axes: [...svg.querySelectorAll('.axis-title')].map((t) => t.textContent),
        months: [...svg.querySelectorAll('.month')].map((t) => t.textContent),
        bars: svg.querySelectorAll('rect.bar').length,
        ticks: [...svg.querySelectorAll('.tick')].map((t) => t.textContent),
      }));
    const meetings = await chart('moter-per-maned');
    expect(meetings).toMatchObject({
      title: 'Møter per måned i 2025',
      axes: ['Måned', 'Antall møter'],
      bars: 12,
    });
    expect(await chart('personmoter-per-maned')).toMatchObject({
      title: 'Personmøter per måned i 2025',
      axes: ['Måned', 'Antall personmøter'],
      bars: 12,
    });
    expect(meetings.months).toEqual([
      'jan',
      'feb',
      'mar',
      'apr',
      'mai',
      'jun',
      'jul',
      'aug',
      'sep',
      'okt',
      'nov',
      'des',
    ]);
    const kroner = await chart('kroner-per-maned');
    expect(kroner).toMatchObject({ axes: ['Måned', 'Kroner'], bars: 12 });
    expect(kroner.ticks[0]).toBe(`0,00${NBSP}kr`);
    expect(kroner.ticks.slice(1).every((t) => /^\d{1,3}(\u00a0\d{3})*,00\u00a0kr$/.test(t ?? ''))).toBe(true);
    // The chart is visible: it has a size on the page.
    const box = await page.locator('svg#kroner-per-maned').boundingBox();
    expect(box?.width).toBeGreaterThan(300);
  });
});
