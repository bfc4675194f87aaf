import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { EVENT_STORE, type EventStore } from '@app/event-store';
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
 * account; the representative sees what is recorded about them, confirms,
 * disputes (finance's next draft holds it back) and waives; a batch of
 * more lines than the API gives in one page is shown whole, in pages of
 * rows. axe-core checks every page against WCAG 2.1 A and AA; a
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

  async function logInAs(page: Page, sub: string, name: string, role: string, participantId?: string) {
    await page.goto('/');
    await heading(page, 'Logg inn').waitFor();
    await page.getByLabel('Bruker-id').fill(sub);
    await page.getByLabel('Navn').fill(name);
    await page.getByRole('radio', { name: role }).check();
    if (participantId !== undefined) await page.getByLabel('Deltaker-id').fill(participantId);
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
    // "Registrer møte" registered the meeting first, and the involvement names it.
    expect(await page.getByTestId('meeting-id').innerText()).not.toMatch(/^Ikke knyttet/);
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

    // A gathering: its two decisions are asked once, on the meeting, and apply to everyone in it.
    await page.getByRole('link', { name: 'Tilbake til prosjektet' }).click();
    await heading(page, 'Ny pasientreise-ordning').waitFor();
    await page.getByLabel('Dato for møtet').fill('2026-01-15');
    await page.getByLabel('Medvirkningsform').selectOption('user-gathering');
    await page.getByRole('group', { name: 'Vedtak for hele samlingen' }).waitFor();
    await page.getByLabel('Dekkes utlegg for samlingen?').selectOption('no');
    await page.getByLabel('Betales honorar for samlingen?').selectOption('unpaid');
    await page.getByLabel('Møtetimer').fill('2');
    await page.getByLabel('Kjørte kilometer').fill('10');
    await checkPage(page, '05b-prosjekt-brukersamling');
    await page.getByRole('button', { name: 'Lagre møtet' }).click();
    await page.getByText('Møtet er registrert. Lagret 1 registrering av medvirkning.').waitFor();
    await page.getByRole('link', { name: '15. januar 2026' }).click();
    await heading(page, 'Brukersamling 15. januar 2026').waitFor();
    expect(await page.getByTestId('meeting-id').innerText()).not.toMatch(/^Ikke knyttet/);
    // Neither honorarium nor expenses, as the meeting decided (not a per-person flag).
    expect(await page.getByTestId('honorarium-total').innerText()).toMatch(/^0,00\skr$/);

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

  it('representative: sees their involvements, ledger and payout, confirms one, disputes one (held back from the draft) and waives one', async () => {
    // The lead logs two council meetings in 2026 for the representative (setup through the API).
    const lead = await openContext(browser, web.baseUrl);
    const minted = await lead.page.request.post('/web-client/dev-tokens', {
      data: { sub: 'kari', name: 'Kari Nordmann', roles: ['project-lead'] },
    });
    expect(minted.status()).toBe(201);
    const { token } = (await minted.json()) as { token: string };
    for (const occurredOn of ['2026-02-10', '2026-03-10']) {
      const logged = await lead.page.request.post(
        `/v1/projects/${encodeURIComponent(found.projectId!)}/involvements`,
        {
          headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID() },
          data: {
            participantId: found.participantId,
            form: 'user-council',
            occurredOn,
            attendance: 'in-person',
            hours: { meeting: 2 },
            expenses: [{ kind: 'mileage', km: 40 }],
          },
        },
      );
      expect(logged.status()).toBe(201);
    }
    await lead.context.close();
    await web.settled();

    const { context, page, problems } = await openContext(browser, web.baseUrl);
    await page.goto('/');
    await heading(page, 'Logg inn').waitFor();
    await page.getByRole('radio', { name: 'Brukerrepresentant' }).check();
    await page.getByLabel('Deltaker-id').waitFor();
    await checkPage(page, '10-logg-inn-brukerrepresentant');
    await logInAs(page, 'maret', 'Máret Ŋuolja', 'Brukerrepresentant', found.participantId);
    await heading(page, 'Mine sider: Máret Ŋuolja').waitFor();
    expect(await page.getByTestId('ledger-paid').innerText()).toMatch(/^1\s921,50\skr$/);
    const card = (name: string) => page.getByRole('article', { name });
    await card('Brukerutvalg 10. mars 2025')
      .getByText(/Utbetaling: /)
      .waitFor();
    await card('Dialogmøte 11. mars 2025')
      .getByText(/^Annullert av prosjektlederen/)
      .waitFor();
    await card('Brukersamling 15. januar 2026').waitFor();
    await page.getByRole('table', { name: 'Linjene i honoraret ditt' }).waitFor();
    await checkPage(page, '11-mine-sider');

    // Confirms the paid council meeting.
    await card('Brukerutvalg 10. mars 2025')
      .getByRole('button', { name: 'Bekreft at dette stemmer' })
      .click();
    await card('Brukerutvalg 10. mars 2025')
      .getByTestId('own-response')
      .filter({ hasText: 'Du har bekreftet at dette stemmer.' })
      .waitFor();

    // Disputes the February meeting: without a reason first (told so), then with one.
    const february = card('Brukerutvalg 10. februar 2026');
    await february.getByRole('button', { name: 'Bestrid registreringen' }).click();
    await february.getByRole('alert').waitFor();
    await february.getByRole('checkbox', { name: 'Timene' }).check();
    await february.getByLabel('Hva stemmer ikke?').fill('Møtet varte bare én time');
    await february.getByRole('button', { name: 'Bestrid registreringen' }).click();
    const disputed = february.getByTestId('own-response');
    await disputed.filter({ hasText: 'Du har bestridt dette: Møtet varte bare én time.' }).waitFor();
    expect(await disputed.innerText()).toMatch(/holdes tilbake fra utbetaling/);

    // Waives the honorarium of the March meeting (the mileage is still paid).
    const march = card('Brukerutvalg 10. mars 2026');
    await march.getByLabel('Gi avkall på honoraret, begrunnelse').fill('Jeg ønsker ikke honorar for dette');
    await march.getByRole('button', { name: 'Gi avkall på honoraret' }).click();
    await march
      .getByTestId('own-waiver')
      .filter({ hasText: 'Du har gitt avkall på honoraret: Jeg ønsker ikke honorar for dette.' })
      .waitFor();
    await checkPage(page, '12-mine-sider-besvart');
    expect(problems).toEqual([]);
    await context.close();

    // Finance's next draft holds the disputed meeting back, and says why in words.
    await web.settled();
    const finance = await openContext(browser, web.baseUrl);
    await logInAs(finance.page, 'frode', 'Frode Økonomi', 'Økonomi');
    await heading(finance.page, 'Utbetaling').waitFor();
    await finance.page.getByLabel('Til og med dato').fill('2026-12-31');
    await finance.page.getByRole('button', { name: 'Lag utkast' }).click();
    await finance.page.getByRole('status').filter({ hasText: 'Utkastet er laget' }).waitFor();
    const heldBack = finance.page.getByTestId('held-back');
    expect(await heldBack.count()).toBe(1);
    expect(await heldBack.innerText()).toMatch(/Holdt tilbake: deltakeren bestrider registreringen/);
    await checkPage(finance.page, '13-utkast-holdt-tilbake');
    expect(finance.problems).toEqual([]);
    await finance.context.close();

    // The lead sees the dispute and its reason on the involvement.
    const leadAgain = await openContext(browser, web.baseUrl);
    await logInAs(leadAgain.page, 'kari', 'Kari Nordmann', 'Prosjektleder');
    await heading(leadAgain.page, 'Mine prosjekter').waitFor();
    await leadAgain.page.getByRole('link', { name: 'Ny pasientreise-ordning' }).click();
    await leadAgain.page.getByRole('link', { name: '10. februar 2026' }).click();
    await heading(leadAgain.page, 'Brukerutvalg 10. februar 2026').waitFor();
    expect(await leadAgain.page.getByTestId('participant-response').innerText()).toBe(
      'Bestridt: Møtet varte bare én time. Beløpet holdes tilbake til du retter registreringen.',
    );
    expect(leadAgain.problems).toEqual([]);
    await leadAgain.context.close();
  });

  it('finance: a batch of more lines than one page of the API is shown whole, in pages of rows', async () => {
    // A draft of 1,234 lines as the draft handler writes it (more than the test could log through HTTP in time).
    const batchId = randomUUID();
    const LINES = 1_234;
    const lines = Array.from({ length: LINES }, (_, i) => ({
      lineId: randomUUID(),
      participantId: found.participantId!,
      involvementId: `inv-bulk-${Math.floor(i / 2)}`,
      projectId: found.projectId!,
      organizationId: 'helse-nord',
      occurredOn: '2026-06-01',
      kind: i % 2 === 0 ? 'meeting' : 'mileage',
      amountOre: 10_000 + i,
      taxable: i % 2 === 0,
      incomeType: i % 2 === 0 ? 'honorar' : 'trekkfri-reise',
      adjustsLineId: null,
    }));
    const totalOre = lines.reduce((sum, l) => sum + l.amountOre, 0);
    await web.app.get<EventStore>(EVENT_STORE).append(
      `payout-batch-${batchId}`,
      [
        {
          eventId: randomUUID(),
          type: 'PayoutBatchDrafted',
          data: {
            batchId,
            periodEnd: '2026-06-30',
            organizationId: 'helse-nord',
            createdBy: 'frode',
            lines,
            totalOre,
          },
        },
      ],
      'no-stream',
      { actor: 'frode', correlationId: randomUUID() },
    );
    await web.settled();

    const { context, page, problems } = await openContext(browser, web.baseUrl);
    await logInAs(page, 'grete', 'Grete Regnskap', 'Økonomi');
    await heading(page, 'Utbetaling').waitFor();
    await page.goto(`/#/okonomi/${batchId}`);
    await heading(page, 'Utbetalingsgrunnlag til og med 30. juni 2026').waitFor();
    const range = page.getByTestId('line-range');
    expect(await range.innerText()).toMatch(/^Viser linje 1–500 av 1\s234 \(side 1 av 3\)\.$/);
    const rows = page.getByRole('table', { name: 'Linjene i utbetalingsgrunnlaget' }).locator('tbody tr');
    expect(await rows.count()).toBe(500);
    await checkPage(page, '14-utbetalingsgrunnlag-mange-linjer');

    await page.getByRole('button', { name: 'Neste side' }).click();
    await range.filter({ hasText: /^Viser linje 501–1\s000 av 1\s234/ }).waitFor();
    await page.getByRole('button', { name: 'Siste side' }).click();
    await range.filter({ hasText: /^Viser linje 1\s001–1\s234 av 1\s234 \(side 3 av 3\)/ }).waitFor();
    expect(await rows.count()).toBe(234);
    // The last line of the batch is there: the client followed `next` past the API's first page.
    const lastAmount = (await rows.last().locator('td').nth(4).innerText()).replace(/\s/g, ' ');
    expect(lastAmount).toBe(`${((10_000 + LINES - 1) / 100).toFixed(2).replace('.', ',')} kr`);
    expect(await page.getByTestId('batch-total').innerText()).toMatch(/^\d/);
    expect(await page.getByRole('button', { name: 'Neste side' }).isDisabled()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
