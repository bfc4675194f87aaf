import {
  buildAnnualReport,
  DEFAULT_REALITY_THRESHOLDS,
  classifyProject,
  type InvolvementFacts,
} from '../domain';
import { renderAnnualReportHtml } from './annual-report.html';
import { escapeHtml } from './escape-html';

const involvement = (
  id: string,
  occurredOn: string,
  over: Partial<InvolvementFacts> = {},
): InvolvementFacts => ({
  involvementId: id,
  projectId: 'p1',
  participantId: 'a',
  form: 'user-panel',
  occurredOn,
  attendance: 'remote',
  hours: { meeting: 0.1, preparation: 0.2, travel: 0 },
  status: 'logged',
  countsAsParticipation: true,
  evidence: [],
  ...over,
});

function input(extra: InvolvementFacts[] = []) {
  const involvements = [
    involvement('i1', '2025-01-15'),
    involvement('i2', '2025-01-20', { participantId: 'b' }),
    involvement('i3', '2025-12-01', { form: 'peer-support', countsAsParticipation: false }),
    ...extra,
  ];
  return {
    year: 2025,
    organizationId: 'org-<1>',
    generatedAt: '2025-06-02T09:00:00.000Z',
    levels: ['individual', 'service', 'system'],
    forms: ['user-panel', 'dialogue'],
    projects: new Map([
      ['p1', { projectId: 'p1', name: 'Kåre\'s "plan" <b>', organizationId: 'org-<1>', level: 'system' }],
    ]),
    involvements,
    accrued: { honorariumOre: 100, expensesOre: 20, lostIncomeOre: 3, totalOre: 123 },
    paid: null,
    assessments: [
      {
        projectId: 'p1',
        reality: classifyProject({
          involvements,
          appointments: [],
          thresholds: DEFAULT_REALITY_THRESHOLDS,
          today: '2025-06-02',
        }),
      },
    ],
  };
}

const report = (extra: InvolvementFacts[] = []) => buildAnnualReport(input(extra));

describe('annual report arithmetic', () => {
  it('sums hours in hundredths and leaves peer support out', () => {
    const r = report();
    expect(r.hours).toEqual({ meeting: 0.2, preparation: 0.4, travel: 0, total: 0.6 });
    expect(r.involvements.byForm).toEqual({ 'user-panel': 2, dialogue: 0 });
    expect(r.excluded).toEqual({ voided: 0, peerSupport: 1, absent: 0 });
    expect(r.involvements.byMonth[0].involvements).toBe(2);
    expect(r.involvements.byMonth[11].involvements).toBe(0);
    expect(r.people).toBe(2);
    expect(r.economy.accrued.totalOre).toBe(123);
  });
});

describe('the printable page', () => {
  it('leaves absences out of participation counts, people, hours and shares', () => {
    const absent = involvement('i4', '2025-03-03', {
      participantId: 'c',
      attendance: 'absent',
      hours: { meeting: 0, preparation: 1, travel: 0 },
      evidence: [{ kind: 'feedback', at: '2025-03-04T10:00:00Z', recordedAt: '2025-03-04T10:00:00Z' }],
    });
    const r = report([absent]);
    expect(r.involvements.total).toBe(2);
    expect(r.involvements.byForm).toEqual({ 'user-panel': 2, dialogue: 0 });
    expect(r.involvements.byMonth[2].involvements).toBe(0);
    expect(r.people).toBe(2);
    expect(r.hours.total).toBe(0.6);
    expect(r.feedback).toEqual({ involvements: 0, share: 0 });
    expect(r.excluded).toEqual({ voided: 0, peerSupport: 1, absent: 1 });
  });

  it('escapes every name and organisation', () => {
    const html = renderAnnualReportHtml(report());
    expect(html).toContain('Kåre&#39;s &quot;plan&quot; &lt;b&gt;');
    expect(html).toContain('organisation org-&lt;1&gt;');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<meta charset="utf-8">');
  });

  it('draws twelve bars, the tallest the full height', () => {
    const html = renderAnnualReportHtml(report());
    const heights = [...html.matchAll(/<rect class="bar"[^>]* height="(\d+)"/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(12);
    expect(heights[0]).toBe(188);
    expect(heights.slice(1)).toEqual(Array(11).fill(0));
  });

  it('escapeHtml shows control and bidirectional formatting characters stored before the rule as U+FFFD', () => {
    expect(escapeHtml('Pasient\r\nreiser\u202E')).toBe('Pasient\uFFFD\uFFFDreiser\uFFFD');
  });

  it('counts and lists, escaped, the involvements that could not be priced', () => {
    const unpriced = {
      involvementId: 'i2',
      status: 'no-guideline-in-force',
      region: 'r',
      firstEffectiveFrom: '2025-05-06',
      reason: 'Involvement i2 cannot be priced: no guideline is in force on 2025-01-20 <r>',
    };
    const built = buildAnnualReport({ ...input(), unpriced: [unpriced] });
    expect(built.economy).toMatchObject({ unpricedCount: 1, unpriced: [unpriced] });
    const html = renderAnnualReportHtml(built);
    expect(html).toContain('1 involvement(s) could not be priced');
    expect(html).toContain(escapeHtml(unpriced.reason));
    expect(renderAnnualReportHtml(report())).not.toContain('could not be priced');
  });

  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
