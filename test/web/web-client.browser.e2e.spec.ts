import { readFileSync, rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { syntheticNationalId } from '../participation/support/builders';
import { checkPage, launchChromium, openContext } from './support/browser';
import { buildClientInto, startWebApp, type WebApp } from './support/web-app';

/**
 * Each role's main task in the web client, end to end in Debian's Chromium
 * (headless) against the real app on a real port: the lead logs a meeting
 * and sees the honorarium before saving, corrects, voids and documents;
 * finance drafts, is refused approving their own draft, a colleague approves,
 * downloads the CSV and records the payment; the auditor follows the person's
 * history, the project's verdict, verifies the log and reads the yearly
 * account. axe-core checks every page against WCAG 2.1 A and AA; a
 * screenshot of each is saved under test-results/web-screenshots.
 */
jest.setTimeout(180_000);

describe('the web client in a browser', () => {
  let clientDir: string;
  let web: WebApp;
  let browser: Browser;
  const found: { projectId?: string; participantId?: string; batchId?: string } = {};

  beforeAll(async () => {
    browser = await launchChromium();
    clientDir = await buildClientInto();
    web = await startWebApp(clientDir);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    if (clientDir) rmSync(clientDir, { recursive: true, force: true });
  });

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  async function logInAs(page: Page, sub: string, name: string, role: string) {
    await page.goto('/');
    await heading(page, 'Logg inn').waitFor();
    await page.getByLabel('Bruker-id').fill(sub);
    await page.getByLabel('Navn').fill(name);
    await page.getByRole('radio', { name: role }).check();
    await page.getByRole('button', { name: /^Logg inn som/ }).click();
  }

  it('lead: logs a meeting seeing the honorarium first, documents, corrects and voids, using the keyboard to log in', async () => {
    const { context, page, problems } = await openContext(browser, web.baseUrl);
    await page.goto('/');
    await heading(page, 'Logg inn').waitFor();
    await checkPage(page, '01-logg-inn');

    // Keyboard only: the page heading has focus; Tab walks the form in reading order.
    const focused = () =>
      page.evaluate((): string => {
        const el = (globalThis as any).document.activeElement;
        return el?.labels?.[0]?.textContent?.trim() ?? el?.textContent?.trim() ?? '';
      });
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Bruker-id');
    await page.keyboard.type('kari');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Navn');
    await page.keyboard.type('Kari Nordmann');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Prosjektleder');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Logg inn som prosjektleder');
    await page.keyboard.press('Enter');

    await heading(page, 'Mine prosjekter').waitFor();
    await checkPage(page, '02-mine-prosjekter');
    await page.getByLabel('Navn på prosjektet').fill('Ny pasientreise-ordning');
    await page.getByLabel('Organisasjon', { exact: false }).first().fill('helse-nord');
    await page.getByLabel('Region (retningslinje for honorar)').selectOption('helse-midt-norge');
    await page.getByLabel('Nivå').selectOption('system');
    await page.getByRole('button', { name: 'Opprett prosjekt' }).click();

    await heading(page, 'Ny pasientreise-ordning').waitFor();
    found.projectId = decodeURIComponent(page.url().split('#/prosjekter/')[1]);
    await page.getByText('Registrer og oppnevn en ny deltaker').click();
    await page.getByLabel('Navn', { exact: true }).fill('Máret Ŋuolja');
    await page.getByLabel('Fødselsnummer (11 siffer)').fill(syntheticNationalId(9001));
    await page.getByLabel('Kontonummer').fill('1234.56.78903');
    await page.getByLabel('Foreslått av').fill('FFO');
    await page.getByLabel('Oppnevnt av').fill('Direktøren');
    await page.getByLabel('Oppnevnt fra').fill('2025-01-01');
    await page.getByRole('button', { name: 'Registrer og oppnevn' }).click();
    await page.getByText('Máret Ŋuolja er registrert og oppnevnt.').waitFor();
    await page.getByRole('cell', { name: 'Máret Ŋuolja' }).waitFor();

    // The meeting: first a mistake, told in words with the field named.
    await page.getByLabel('Dato for møtet').fill('2025-03-10');
    await page.getByLabel('Tema').fill('Ny pasientreise-ordning');
    await page.getByLabel('Møtetimer').fill('tre');
    await page.getByRole('button', { name: 'Beregn honorar' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'Møtetimer' });
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(/Møtetimer må være et tall/);
    await checkPage(page, '03-prosjekt-feil-i-skjema');

    // Then right: the guideline's honorarium before saving (docs/api.md's worked example, helse-midt-norge).
    await page.getByLabel('Møtetimer').fill('3');
    await page.getByLabel('Forberedelse, timer').fill('1,5');
    await page.getByLabel('Kjørte kilometer').fill('84');
    await page.getByRole('button', { name: 'Beregn honorar' }).click();
    const total = page.getByTestId('honorarium-total');
    await total.waitFor();
    expect(await total.innerText()).toMatch(/^2\s350,50\skr$/);
    await checkPage(page, '04-prosjekt-honorar-for-lagring');
    await page.getByRole('button', { name: 'Lagre møtet' }).click();
    await page.getByText('Lagret 1 registrering av medvirkning.').waitFor();

    await page.getByRole('link', { name: '10. mars 2025' }).click();
    await heading(page, 'Brukerutvalg 10. mars 2025').waitFor();
    found.participantId = (await page.getByTestId('participant-id').innerText()).trim();
    expect(await page.getByTestId('honorarium-total').innerText()).toMatch(/^2\s350,50\skr$/);

    await page.getByText('Legg til dokumentasjon').click();
    await page.getByLabel('Når').fill('2025-03-01T10:00');
    await page.getByRole('button', { name: 'Legg til', exact: true }).click();
    await page.getByText('Dokumentasjonen er lagt til.').waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: /^Innkalling 1\. mars 2025/ })
      .waitFor();

    await page.getByLabel('Møtetimer').fill('2');
    await page.getByLabel('Begrunnelse for rettelsen').fill('Møtet ble avsluttet etter to timer');
    await page.getByRole('button', { name: 'Lagre rettelsen' }).click();
    await page.getByText('Rettelsen er lagret.').waitFor();
    // 2 + 1.5 hours × 429 kr + 84 km × 5.00 kr
    await page
      .getByTestId('honorarium-total')
      .filter({ hasText: /^1\s921,50\skr$/ })
      .waitFor();
    await checkPage(page, '05-medvirkning');

    // A second meeting, logged by mistake, is voided with a reason (none given first: told so).
    await page.getByRole('link', { name: 'Tilbake til prosjektet' }).click();
    await heading(page, 'Ny pasientreise-ordning').waitFor();
    await page.getByLabel('Dato for møtet').fill('2025-03-11');
    await page.getByLabel('Medvirkningsform').selectOption('dialogue');
    await page.getByLabel('Møtetimer').fill('1');
    await page.getByRole('button', { name: 'Lagre møtet' }).click();
    await page.getByText('Lagret 1 registrering av medvirkning.').waitFor();
    await page.getByRole('link', { name: '11. mars 2025' }).click();
    await heading(page, 'Dialogmøte 11. mars 2025').waitFor();
    await page.getByRole('button', { name: 'Annuller medvirkningen' }).click();
    const voidProblem = page.getByRole('alert').filter({ hasText: 'Begrunnelse' });
    await voidProblem.waitFor();
    await page.getByLabel('Begrunnelse for annulleringen').fill('Registrert to ganger');
    await page.getByRole('button', { name: 'Annuller medvirkningen' }).click();
    await page.getByTestId('involvement-status').filter({ hasText: 'Annullert' }).waitFor();

    // Back at "Mine prosjekter": the project is listed (GET /v1/projects, the projects this lead leads).
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Mine prosjekter' })
      .click();
    await heading(page, 'Mine prosjekter').waitFor();
    await page.getByRole('link', { name: 'Ny pasientreise-ordning' }).waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });

  it('finance: drafts a batch, cannot approve their own, a colleague approves, downloads the CSV and records the payment', async () => {
    const first = await openContext(browser, web.baseUrl);
    await logInAs(first.page, 'frode', 'Frode Økonomi', 'Økonomi');
    await heading(first.page, 'Utbetaling').waitFor();
    await checkPage(first.page, '06-utbetaling');
    await first.page.getByLabel('Til og med dato').fill('2025-12-31');
    await first.page.getByRole('button', { name: 'Lag utkast' }).click();
    const drafted = first.page.getByRole('status').filter({ hasText: 'Utkastet er laget' });
    await drafted.waitFor();
    expect(await drafted.innerText()).toMatch(/\d+ linjer, til sammen 1\s921,50\skr/);
    await first.page.getByRole('link', { name: 'Åpne utbetalingsgrunnlaget' }).click();
    await heading(first.page, 'Utbetalingsgrunnlag til og med 31. desember 2025').waitFor();
    found.batchId = decodeURIComponent(first.page.url().split('#/okonomi/')[1]);
    await first.page.getByText('Du laget dette utkastet selv, så du kan ikke godkjenne det.').waitFor();
    expect(await first.page.getByRole('button', { name: 'Godkjenn' }).count()).toBe(0);
    await checkPage(first.page, '07-utbetalingsgrunnlag-eget-utkast');
    expect(first.problems).toEqual([]);
    await first.context.close();

    const second = await openContext(browser, web.baseUrl);
    const page = second.page;
    await logInAs(page, 'grete', 'Grete Regnskap', 'Økonomi');
    await heading(page, 'Utbetaling').waitFor();
    await page.goto(`/#/okonomi/${found.batchId}`);
    await heading(page, 'Utbetalingsgrunnlag til og med 31. desember 2025').waitFor();
    await page.getByRole('button', { name: 'Godkjenn' }).click();
    await page.getByText('Utbetalingsgrunnlaget er godkjent.').waitFor();
    await page.getByTestId('batch-status').filter({ hasText: 'Godkjent' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Last ned CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toContain(';');
    expect(csv).toContain('1921,50');

    await page.getByLabel('Betalingsreferanse').fill('BANK-2025-001');
    await page.getByRole('button', { name: 'Registrer resultat' }).click();
    await page.getByText('Utbetalingsresultatet er registrert.').waitFor();
    await page.getByTestId('batch-status').filter({ hasText: 'Oppgjort' }).waitFor();
    const lines = page.getByRole('table', { name: 'Linjene i utbetalingsgrunnlaget' }).locator('tbody tr');
    const paid = page.getByRole('cell', { name: /^Utbetalt \(BANK-2025-001\)$/ });
    expect(await paid.count()).toBe(await lines.count());
    await checkPage(page, '08-utbetalingsgrunnlag-oppgjort');
    expect(second.problems).toEqual([]);
    await second.context.close();
  });

  it('auditor: follows the person and the project, verifies the log and reads the yearly account', async () => {
    const { context, page, problems } = await openContext(browser, web.baseUrl);
    await logInAs(page, 'aud', 'Aud Revisor', 'Revisor');
    await heading(page, 'Revisjon').waitFor();
    await web.settled();

    await page.getByLabel('Deltaker-id').fill(found.participantId!);
    await page.getByRole('button', { name: 'Vis historikk' }).click();
    const history = page.getByRole('table', { name: 'Alt som er registrert om personen, i rekkefølge' });
    await history.waitFor();
    const rows = await history.locator('tbody tr').allInnerTexts();
    const kinds = rows.map((r) => r.split('\t')[2]);
    expect(kinds.slice(0, 2)).toEqual(['Deltaker registrert', 'Oppnevnt']);
    expect(kinds).toEqual(
      expect.arrayContaining(['Medvirkning registrert', 'Medvirkning rettet', 'Medvirkning annullert']),
    );
    const positions = rows.map((r) => Number(r.split('\t')[0]));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));

    await page.getByLabel('Prosjekt-id').fill(found.projectId!);
    await page.getByRole('button', { name: 'Vurder prosjektet' }).click();
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    expect(await verdict.innerText()).toMatch(
      /Vurdering per .*: (Reell medvirkning|Risiko for symbolsk medvirkning)/,
    );

    await page.getByRole('button', { name: 'Kontroller loggen' }).click();
    const verified = page.getByTestId('verify-result');
    await verified.waitFor();
    expect(await verified.innerText()).toMatch(/^Loggen er uendret: alle \d+ hendelser/);

    await page.getByRole('textbox', { name: 'År', exact: true }).fill('2025');
    await page.getByRole('button', { name: 'Vis rapporten' }).click();
    const report = page.getByTestId('annual-report');
    await report.waitFor();
    const text = await report.innerText();
    expect(text).toMatch(/Personmøter\s+1\b/);
    expect(text).toMatch(/Sum opptjent\s+1\s921,50\skr/);
    expect(text).toMatch(/Utbetalt\s+1\s921,50\skr/);
    await checkPage(page, '09-revisjon');
    expect(problems).toEqual([]);
    await context.close();
  });
});
