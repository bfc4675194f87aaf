import { buildAnnualReport } from '@app/reporting';
import { aggregateBreadth } from '../domain/breadth/breadth';
import { buildYearlyAccount } from '../domain/account/yearly-account';
import { renderYearlyAccountHtml, YEARLY_ACCOUNT_CONTENT_SECURITY_POLICY } from './yearly-account.html';

const NAUGHTY = 'Barn & unge <script>alert("x")</script>';

function account(overrides: { reasons?: string[]; what?: string } = {}) {
  const annual = buildAnnualReport({
    year: 2025,
    organizationId: 'helse-midt',
    generatedAt: '2025-06-02T09:00:00.000Z',
    levels: ['individual', 'service', 'system'],
    forms: ['user-council'],
    projects: new Map([
      ['p1', { projectId: 'p1', name: NAUGHTY, organizationId: 'helse-midt', level: 'system' }],
    ]),
    involvements: [],
    accrued: { honorariumOre: 0, expensesOre: 0, lostIncomeOre: 0, totalOre: 0 },
    paid: null,
    assessments: [
      {
        projectId: 'p1',
        reality: {
          classification: 'symbolic-risk',
          reasons: (overrides.reasons ?? ['no-involvements']) as never,
          explanations: [],
          appointedRepresentatives: null,
          involvements: [],
          excluded: { voided: 0, notParticipation: 0, cancelled: 0 },
          involvedEarly: { early: null, firstMeetingWithUsers: null, firstMilestoneAfterMandate: null },
        },
      },
    ],
  });
  return buildYearlyAccount({
    year: 2025,
    organizationId: 'helse-midt',
    generatedAt: '2025-06-02T09:00:00.000Z',
    annual,
    measures: [
      {
        measureId: 'm1',
        what: overrides.what ?? NAUGHTY,
        responsible: 'Fagdirektør',
        deadline: '2025-09-30',
        status: 'in-progress',
        year: 2025,
      },
    ],
    budget: null,
    spending: {},
    trainings: [],
    breadth: { organisation: aggregateBreadth([]), projects: [] },
    kronerByMonthOre: Array(12).fill(0),
    meetings: null,
    confirmations: null,
  });
}

describe('the yearly account as HTML', () => {
  it('escapes every name: no markup of the data reaches the page', () => {
    const html = renderYearlyAccountHtml(account());
    expect(html).not.toContain('<script>');
    expect(html).toContain('Barn &amp; unge &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('reads a reason it does not know as a Norwegian phrase, never as the code', () => {
    const html = renderYearlyAccountHtml(account({ reasons: ['some-future-reason'] }));
    expect(html).toContain('annen årsak');
    expect(html).not.toContain('some-future-reason');
  });

  it('allows its one style element by hash, and nothing else', () => {
    const html = renderYearlyAccountHtml(account());
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script|<link|<img|style="/);
    expect(YEARLY_ACCOUNT_CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'; style-src 'sha256-/);
  });
});
