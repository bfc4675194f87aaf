import type { Breadth } from '../domain/breadth/breadth';
import type { YearlyAccount } from '../domain/account/yearly-account';
import { monthBarChartSvg } from './bar-chart.svg';
import {
  ACTUAL_SOURCE_LABEL,
  AGE_BAND_LABEL,
  antall,
  AUDIENCE_LABEL,
  BUDGET_LINE_LABEL,
  dato,
  esc,
  FORM_LABEL,
  kroner,
  label,
  LEVEL_LABEL,
  MEASURE_STATUS_LABEL,
  prosent,
  REASON_LABEL,
  tall,
} from './norwegian';
import { n, section, t, table } from './page-parts';

// The seven sections of the yearly account, in the order of the action plan's 2.2.1.1.

export function measuresSection(a: YearlyAccount): string {
  const rows = (items: YearlyAccount['measures']['thisYear']) =>
    items.map((m) => [
      t(m.what),
      t(m.responsible),
      t(dato(m.deadline)),
      t(label(MEASURE_STATUS_LABEL, m.status)),
    ]);
  const headers = [t('Tiltak'), t('Ansvarlig'), t('Frist'), t('Status')];
  const status = Object.entries(a.measures.byStatus).map(([s, count]) => [
    t(label(MEASURE_STATUS_LABEL, s)),
    n(tall(count)),
  ]);
  return section(
    'tiltak',
    '1. Tiltak i handlingsplanen',
    `<h3>Status for tiltak i ${a.year}</h3>
${a.measures.thisYear.length > 0 ? table(headers, rows(a.measures.thisYear)) : '<p>Ingen tiltak registrert for året.</p>'}
${table([t('Status'), n('Antall tiltak')], status)}
<h3>Planlagte tiltak for ${a.year + 1}</h3>
${a.measures.nextYear.length > 0 ? table(headers, rows(a.measures.nextYear)) : '<p>Ingen tiltak planlagt ennå.</p>'}`,
  );
}

/** A table of counts with forms as rows and levels as columns, summed both ways. */
function levelFormTable(
  counts: { byLevelAndForm: Record<string, Record<string, number>>; byLevel: Record<string, number> },
  forms: string[],
  total: number,
  caption: string,
): string {
  const levels = Object.keys(counts.byLevelAndForm);
  const rows = forms.map((form) => [
    t(label(FORM_LABEL, form)),
    ...levels.map((level) => n(tall(counts.byLevelAndForm[level]?.[form] ?? 0))),
    n(tall(levels.reduce((sum, level) => sum + (counts.byLevelAndForm[level]?.[form] ?? 0), 0))),
  ]);
  rows.push([t('Sum'), ...levels.map((level) => n(tall(counts.byLevel[level] ?? 0))), n(tall(total))]);
  return table(
    [t('Medvirkningsform'), ...levels.map((l) => n(label(LEVEL_LABEL, l))), n('Sum')],
    rows,
    caption,
  );
}

export function meetingsSection(a: YearlyAccount): string {
  const pm = a.meetings.personMeetings;
  const meetings = a.meetings.meetings;
  const forms = Object.keys(pm.byForm);
  const perMonth = (id: string, title: string, yLabel: string, values: number[]) =>
    `<h3>${esc(title)}</h3>
${monthBarChartSvg({ id, title: `${title} i ${a.year}`, xLabel: 'Måned', yLabel, values, format: tall })}`;
  const meetingsPart = meetings
    ? `<p>Møter i alt: ${esc(tall(meetings.total))}. Avlyste møter (ikke tatt med): ${esc(tall(meetings.cancelled))}. Personmøter i disse møtene: ${esc(tall(meetings.personMeetings))}.</p>
${levelFormTable(meetings, forms, meetings.total, 'Møter etter nivå og form')}`
    : '<p class="note">Møtene selv er ikke registrert; tabellen og diagrammet viser personmøter.</p>';
  return section(
    'moter',
    '2. Møter og personmøter',
    `<p class="note">Et personmøte er én brukerrepresentants deltakelse i ett møte. Fravær, avlyste møter, annullerte registreringer og likemannsarbeid er ikke tatt med.</p>
${meetingsPart}
${levelFormTable(pm, forms, pm.total, 'Personmøter etter nivå og form')}
${table(
  [t('Ikke tatt med'), n('Antall')],
  [
    [t('Fravær eller avlyst'), n(tall(a.meetings.excluded.absent))],
    [t('Annullert'), n(tall(a.meetings.excluded.voided))],
    [t('Likemannsarbeid'), n(tall(a.meetings.excluded.peerSupport))],
  ],
)}
${
  meetings
    ? perMonth(
        'moter-per-maned',
        'Møter per måned',
        'Antall møter',
        a.byMonth.map((m) => m.meetings ?? 0),
      )
    : ''
}
${perMonth(
  meetings ? 'personmoter-per-maned' : 'moter-per-maned',
  'Personmøter per måned',
  'Antall personmøter',
  a.byMonth.map((m) => m.personMeetings),
)}`,
  );
}

function breadthTable(b: Breadth): string {
  const rows: ReturnType<typeof t>[][] = [
    [t('Personer som deltok'), n(antall(b.people))],
    [t('Brukere'), n(antall(b.perspectives.user))],
    [t('Pårørende'), n(antall(b.perspectives.nextOfKin))],
    [t('Perspektiv ikke oppgitt'), n(antall(b.perspectives.notRecorded))],
    [t('Har samtykket til å oppgi mangfold'), n(antall(b.consented))],
    ...b.ageBands.map((band) => [t(`Alder ${label(AGE_BAND_LABEL, band.value)}`), n(antall(band.count))]),
    [t('Samisk bakgrunn'), n(antall(b.sami))],
    [t('Innvandrer- eller minoritetsbakgrunn'), n(antall(b.minorityBackground))],
    ...b.serviceAreas.groups.map((g) => [t(`Fagområde/diagnose: ${g.value}`), n(tall(g.count))]),
    ...b.userOrganizations.groups.map((g) => [t(`Brukerorganisasjon: ${g.value}`), n(tall(g.count))]),
  ];
  return table([t('Gruppe'), n('Antall personer')], rows);
}

export function breadthSection(a: YearlyAccount): string {
  const projects = a.breadth.projects.map((p) => [
    t(p.name),
    t(label(LEVEL_LABEL, p.level)),
    n(tall(p.indicator.perspectivesCovered)),
    n(p.indicator.groupsCovered === null ? 'færre enn 5 har samtykket' : tall(p.indicator.groupsCovered)),
  ]);
  return section(
    'mangfold',
    '3. Mangfold i representasjonen',
    `<p class="note">Opplysningene er frivillige og oppgitt med samtykke. De vises bare samlet, og tall under 5 vises som «færre enn 5».</p>
${breadthTable(a.breadth.organisation)}
<h3>Bredde per utvalg og prosjekt</h3>
${table([t('Utvalg/prosjekt'), t('Nivå'), n('Perspektiver (bruker, pårørende)'), n('Grupper dekket')], projects)}`,
  );
}

export function trainingSection(a: YearlyAccount): string {
  const tr = a.training;
  const rows = tr.items.map((c) => [
    t(c.title),
    t(c.organiser),
    t(dato(c.occurredOn)),
    t(label(AUDIENCE_LABEL, c.audience)),
    n(tall(c.people)),
    n(tall(c.hours)),
    t(c.paid ? 'ja' : 'nei'),
    n(kroner(c.costOre)),
  ]);
  return section(
    'opplaering',
    '4. Opplæring',
    `<p class="note">Opplæring regnes ikke som medvirkning.</p>
${table(
  [t(''), n('Kurs'), n('Deltakere'), n('Deltakertimer')],
  [
    [
      t('For brukerrepresentanter'),
      n(tall(tr.representatives.courses)),
      n(tall(tr.representatives.people)),
      n(tall(tr.representatives.personHours)),
    ],
    [t('For ansatte'), n(tall(tr.staff.courses)), n(tall(tr.staff.people)), n(tall(tr.staff.personHours))],
  ],
)}
${rows.length > 0 ? table([t('Kurs'), t('Arrangør'), t('Dato'), t('For'), n('Deltakere'), n('Timer'), t('Honorert'), n('Kostnad')], rows) : '<p>Ingen opplæring registrert.</p>'}`,
  );
}

export function sharesSection(a: YearlyAccount): string {
  const s = a.shares;
  const confirmation =
    s.confirmation.share === null
      ? [t('Bekreftet av deltakeren selv'), n('ikke registrert ennå'), n('–')]
      : [
          t('Bekreftet av deltakeren selv'),
          n(tall(s.confirmation.involvements ?? 0)),
          n(prosent(s.confirmation.share)),
        ];
  return section(
    'andeler',
    '5. Tilbakemelding, innflytelse og bekreftelse',
    table(
      [t(`Av ${tall(s.of)} personmøter`), n('Antall'), n('Andel')],
      [
        [
          t('Med tilbakemelding til deltakeren'),
          n(tall(s.feedback.involvements)),
          n(prosent(s.feedback.share)),
        ],
        [t('Med dokumentert innflytelse'), n(tall(s.influence.involvements)), n(prosent(s.influence.share))],
        confirmation,
        s.feedbackAcknowledged.share === null
          ? [t('Tilbakemelding kvittert mottatt av deltakeren'), n('ikke registrert ennå'), n('–')]
          : [
              t('Tilbakemelding kvittert mottatt av deltakeren'),
              n(tall(s.feedbackAcknowledged.involvements ?? 0)),
              n(prosent(s.feedbackAcknowledged.share)),
            ],
      ],
    ),
  );
}

export function riskSection(a: YearlyAccount): string {
  const items = a.symbolicRisk.items.map(
    (p) =>
      `<li><strong>${esc(p.name)}</strong> (${esc(label(LEVEL_LABEL, p.level))}): ${esc(p.reasons.map((r) => label(REASON_LABEL, r, 'annen årsak')).join('; '))}</li>`,
  );
  return section(
    'skyggemedvirkning',
    '6. Prosjekter med risiko for skyggemedvirkning',
    `<p>${esc(`${tall(a.symbolicRisk.projects)} av ${tall(a.symbolicRisk.of)} prosjekter`)}</p>
${items.length > 0 ? `<ul>${items.join('')}</ul>` : '<p>Ingen.</p>'}`,
  );
}

export function economySection(a: YearlyAccount): string {
  const e = a.economy;
  const money = (ore: number | null) => (ore === null ? 'ikke budsjettert' : kroner(ore));
  const rows = e.lines.map((l) => [
    t(label(BUDGET_LINE_LABEL, l.line)),
    n(money(l.budgetOre)),
    n(kroner(l.actualOre)),
    n(l.differenceOre === null ? '–' : kroner(l.differenceOre)),
    t(label(ACTUAL_SOURCE_LABEL, l.actualSource)),
  ]);
  rows.push([
    t('Sum'),
    n(money(e.total.budgetOre)),
    n(kroner(e.total.actualOre)),
    n(e.total.differenceOre === null ? '–' : kroner(e.total.differenceOre)),
    t(''),
  ]);
  return section(
    'okonomi',
    '7. Økonomi: budsjett og regnskap',
    `${e.budgetSet ? '' : '<p class="note">Budsjett for året er ikke registrert.</p>'}
${table([t('Post'), n('Budsjett'), n('Regnskap'), n('Avvik'), t('Grunnlag')], rows)}
${e.unpricedCount > 0 ? `<p class="note">${esc(`${tall(e.unpricedCount)} personmøter kunne ikke beregnes og er ikke med i regnskapet.`)}</p>` : ''}
<h3>Kroner per måned</h3>
${monthBarChartSvg({
  id: 'kroner-per-maned',
  title: `Honorar, utgifter og tapt arbeidsinntekt per måned i ${a.year}`,
  xLabel: 'Måned',
  yLabel: 'Kroner',
  values: a.byMonth.map((m) => m.kronerOre),
  format: kroner,
})}`,
  );
}
