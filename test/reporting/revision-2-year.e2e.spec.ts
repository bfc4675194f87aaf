import type { FixedClock } from '@app/shared-kernel';
import { ParticipationApi } from '../participation/support/builders';
import { attendance, evidence, feedback, influence, input, invitation } from './support/evidence';

type Line = {
  kind: string;
  quantity: number;
  unit: string;
  rateOre: number;
  amountOre: number;
  taxable: boolean;
  incomeType: string;
  explanation: string;
};
type Honorarium = { totalOre: number; lines: Line[]; guideline: { region: string; version: string } };
type Judged = {
  involvementId: string;
  meetingId: string | null;
  indicators: Record<string, boolean | null>;
  notDocumented: string[];
  findings: string[];
};

const ORG = 'st-olavs-hospital';
const REGION = 'helse-midt-norge';
const VERV = 'styrehonorarOgGodtgjoerelseVerv';
const OUTLAY = 'outlay-refund';

/**
 * Issue 15, "Done when", end to end through HTTP: one organisation's year
 * (2026) under revision 2 of the rules, entered as it happens while the
 * test clock moves through the year (the clock ends in December 2026, so
 * an interview on 7 December can be logged). Every project is in region
 * helse-midt-norge: days before 2026-12-01 are priced by the shipped version
 * 2016-01-01, days from 2026-12-01 by version 2026-12-01
 * (libs/honorarium/src/guidelines/helse-midt-norge*.guideline.ts).
 *
 * The rates both versions use (state committee rates): member 429.00 NOK an
 * hour (42900 øre), leader 567.00 (56700 øre), each started half hour paid;
 * preparation at the member rate, at most the meeting's rounded length;
 * travel time not paid; receipts (ticket, lodging, other) refunded at cost,
 * not income (outlay-refund); honorarium taxable as a verv fee.
 *
 * - Brukerutvalget (user council, system level): Anna leader, Bjørn and
 *   Cecilie members, appointed by the board on the user organisation's
 *   proposal. Met 9 March (Cecilie absent) and 8 June, invited in time,
 *   documents shared, minutes, feedback recorded in time, input adopted: real.
 *   The 20 April meeting was cancelled by the organiser after Bjørn had
 *   bought his ticket.
 * - Pasientpanel hjerte (user panel with an end date): met 11 May; the
 *   feedback was only recorded on 3 August, claiming 20 May: feedback-late.
 * - Brukersamling kreft (user gathering): the gathering decided expenses
 *   covered, no honorarium; Frida and Gunnar logged alike.
 * - Brukerintervju pasientreiser (interviews): Hanne on 16 November (paid
 *   under 2016-01-01), Ivar on 7 December (not paid under 2026-12-01).
 * - Dialogmøte ventetid (a dialogue): no invitation recorded: not-documented.
 */
describe('a realistic year under revision 2: verdicts and amounts as the sources say', () => {
  let api: ParticipationApi;
  const projects: Record<string, string> = {};
  const people: Record<string, string> = {};
  const meetings: Record<string, string> = {};
  const inv: Record<string, string> = {};

  const at = (iso: string) => (api.t.clock as FixedClock).set(iso);
  const ok = <T extends { status: number; body: unknown }>(res: T, status = 201): T => {
    if (res.status !== status) throw new Error(`answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res;
  };
  const meeting = async (projectId: string, body: object) =>
    ok(await api.post(`/v1/projects/${projectId}/meetings`, 'lead', body)).body.id as string;
  const update = async (meetingId: string, body: object) =>
    ok(await api.post(`/v1/meetings/${meetingId}/updates`, 'lead', body), 200);
  const log = async (projectId: string, participantId: string, body: object) =>
    ok(await api.post(`/v1/projects/${projectId}/involvements`, 'lead', { participantId, ...body })).body
      .id as string;
  /** Attendance list and the participant's input, recorded at the meeting. */
  const attendedAndHeard = async (id: string, day: string) => {
    await evidence(api, id, attendance(`${day}T12:00:00Z`));
    await evidence(api, id, input(`${day}T12:00:00Z`));
  };
  const honorarium = async (name: string): Promise<Honorarium> => {
    const res = await api.get(`/v1/involvements/${inv[name]}`, 'finance');
    expect(res.status).toBe(200);
    return res.body.honorarium as Honorarium;
  };
  const byKind = (h: Honorarium) => Object.fromEntries(h.lines.map((l) => [l.kind, l]));
  const reality = async (project: string) => {
    const res = await api.get(`/v1/audit/projects/${projects[project]}/participation`, 'auditor');
    expect(res.status).toBe(200);
    return res.body;
  };
  const judged = (body: { involvements: Judged[] }, name: string) =>
    body.involvements.find((i) => i.involvementId === inv[name]);

  beforeAll(async () => {
    api = await ParticipationApi.start();

    // January: the projects, the people, the council's appointments and mandate.
    at('2026-01-12T08:00:00Z');
    const project = (name: string, level: string) =>
      api.project({ name, organizationId: ORG, region: REGION, level });
    projects.council = await project('Brukerutvalget', 'system');
    projects.panel = await project('Pasientpanel hjerte', 'service');
    projects.gathering = await project('Brukersamling kreft', 'service');
    projects.interviews = await project('Brukerintervju pasientreiser', 'service');
    projects.dialogue = await project('Dialogmøte ventetid', 'service');
    for (const name of [
      'anna',
      'bjorn',
      'cecilie',
      'dina',
      'erik',
      'frida',
      'gunnar',
      'hanne',
      'ivar',
      'jon',
    ])
      people[name] = await api.participant();
    const councilAppointment = {
      form: 'user-council',
      nominatedBy: 'Kreftforeningen',
      nominatedByKind: 'user-organisation',
      appointedBy: 'Styret i St. Olavs hospital',
      decisionRef: 'Styresak 3/2026',
      mandate: 'Gi råd til direktøren om pasienttilbudet, budsjett og planer',
      from: '2026-01-01',
      to: '2027-12-31',
    };
    await api.appoint(projects.council, people.anna, { ...councilAppointment, role: 'leader' });
    await api.appoint(projects.council, people.bjorn, { ...councilAppointment, role: 'member' });
    await api.appoint(projects.council, people.cecilie, { ...councilAppointment, role: 'member' });
    const panelAppointment = {
      form: 'user-panel',
      role: 'member',
      nominatedBy: 'Brukerutvalget',
      nominatedByKind: 'user-council',
      appointedBy: 'Klinikksjef hjerte',
      decisionRef: 'Beslutning 2026/17',
      mandate: 'Gi innspill til nytt pasientforløp for hjertesvikt',
      from: '2026-02-01',
      to: '2026-10-31',
    };
    await api.appoint(projects.panel, people.dina, panelAppointment);
    await api.appoint(projects.panel, people.erik, panelAppointment);
    ok(
      await api.post(`/v1/projects/${projects.council}/milestones`, 'lead', {
        kind: 'mandate-set',
        at: '2026-01-12T08:00:00Z',
        ref: 'Styresak 3/2026',
      }),
    );

    // 9 March: the council meets, invited 17 days ahead with its documents; Cecilie does not come.
    at('2026-02-20T08:00:00Z');
    meetings.councilMarch = await meeting(projects.council, {
      form: 'user-council',
      heldOn: '2026-03-09',
      agenda: 'Pasientreiser; budsjett 2027',
      agendaSetBy: 'users',
      invitationSentAt: '2026-02-20T08:00:00Z',
      documentsSharedAt: '2026-02-20T08:00:00Z',
    });
    at('2026-03-09T16:00:00Z');
    const march = { form: 'user-council', occurredOn: '2026-03-09', meetingId: meetings.councilMarch };
    inv.annaMarch = await log(projects.council, people.anna, {
      ...march,
      attendance: 'in-person',
      hours: { meeting: 2, preparation: 1 },
      expenses: [{ kind: 'ticket', amountOre: 45000, receiptRef: 'AtB 2026-03-09' }],
    });
    inv.bjornMarch = await log(projects.council, people.bjorn, {
      ...march,
      attendance: 'in-person',
      hours: { meeting: 2, preparation: 1 },
    });
    inv.cecilieMarch = await log(projects.council, people.cecilie, {
      ...march,
      attendance: 'absent',
      hours: { meeting: 0 },
      expenses: [{ kind: 'ticket', amountOre: 45000, receiptRef: 'AtB 2026-03-09' }],
    });
    for (const id of [inv.annaMarch, inv.bjornMarch]) await attendedAndHeard(id, '2026-03-09');
    await update(meetings.councilMarch, { kind: 'minutes', ref: 'Referat brukerutvalget 2026-03-09' });
    at('2026-03-18T10:00:00Z');
    await update(meetings.councilMarch, { kind: 'feedback-given', at: '2026-03-18T09:00:00Z' });

    // 1 April: the council's meeting of 20 April is called; Bjørn buys his ticket.
    at('2026-04-01T08:00:00Z');
    meetings.councilApril = await meeting(projects.council, {
      form: 'user-council',
      heldOn: '2026-04-20',
      invitationSentAt: '2026-04-01T08:00:00Z',
      documentsSharedAt: '2026-04-01T08:00:00Z',
    });
    at('2026-04-15T10:00:00Z');
    for (const id of [inv.annaMarch, inv.bjornMarch])
      await evidence(api, id, influence('2026-04-15T09:00:00Z'));
    at('2026-04-17T12:00:00Z');
    await update(meetings.councilApril, {
      kind: 'cancelled',
      reason: 'Avlyst av sekretariatet: for få saker',
    });
    at('2026-04-21T09:00:00Z');
    inv.bjornCancelled = await log(projects.council, people.bjorn, {
      form: 'user-council',
      occurredOn: '2026-04-20',
      meetingId: meetings.councilApril,
      attendance: 'cancelled',
      hours: { meeting: 0 },
      expenses: [{ kind: 'ticket', amountOre: 61200, receiptRef: 'Vy 2026-04-20' }],
    });

    // 4 May: the board chooses among the options, after the council was heard.
    at('2026-05-04T12:00:00Z');
    ok(
      await api.post(`/v1/projects/${projects.council}/milestones`, 'lead', {
        kind: 'options-chosen',
        at: '2026-05-04T10:00:00Z',
        ref: 'Styresak 21/2026',
      }),
    );

    // 11 May: the panel meets, invited two weeks ahead; nobody records the feedback in time.
    at('2026-04-27T08:00:00Z');
    meetings.panelMay = await meeting(projects.panel, {
      form: 'user-panel',
      heldOn: '2026-05-11',
      invitationSentAt: '2026-04-27T08:00:00Z',
      documentsSharedAt: '2026-04-27T08:00:00Z',
      minutesRef: 'Referat pasientpanel 2026-05-11',
    });
    at('2026-05-11T16:00:00Z');
    for (const name of ['dina', 'erik']) {
      inv[`${name}Panel`] = await log(projects.panel, people[name], {
        form: 'user-panel',
        occurredOn: '2026-05-11',
        meetingId: meetings.panelMay,
        attendance: 'remote',
        hours: { meeting: 2.5, preparation: 1 },
      });
      await attendedAndHeard(inv[`${name}Panel`], '2026-05-11');
    }
    at('2026-06-01T10:00:00Z');
    for (const name of ['dinaPanel', 'erikPanel'])
      await evidence(api, inv[name], influence('2026-06-01T09:00:00Z'));

    // 8 June: the council again, invited in time, told back in time.
    at('2026-05-22T08:00:00Z');
    meetings.councilJune = await meeting(projects.council, {
      form: 'user-council',
      heldOn: '2026-06-08',
      agendaSetBy: 'jointly',
      invitationSentAt: '2026-05-22T08:00:00Z',
      minutesRef: 'Referat brukerutvalget 2026-06-08',
    });
    at('2026-05-25T08:30:00Z');
    await update(meetings.councilJune, { kind: 'documents-shared', at: '2026-05-25T08:00:00Z' });
    at('2026-06-08T16:00:00Z');
    for (const name of ['anna', 'bjorn']) {
      inv[`${name}June`] = await log(projects.council, people[name], {
        form: 'user-council',
        occurredOn: '2026-06-08',
        meetingId: meetings.councilJune,
        attendance: 'in-person',
        hours: { meeting: 1.5, preparation: 0.5 },
      });
      await attendedAndHeard(inv[`${name}June`], '2026-06-08');
    }
    at('2026-06-19T10:00:00Z');
    await update(meetings.councilJune, { kind: 'feedback-given', at: '2026-06-19T09:00:00Z' });
    for (const name of ['annaJune', 'bjornJune'])
      await evidence(api, inv[name], influence('2026-06-19T09:30:00Z'));

    // 3 August, after the auditor asked: the panel's feedback is recorded, claimed given on 20 May.
    at('2026-08-03T09:00:00Z');
    await update(meetings.panelMay, { kind: 'feedback-given', at: '2026-05-20T10:00:00Z' });

    // 14 September: the gathering, which decided: expenses covered, no honorarium.
    at('2026-08-24T08:00:00Z');
    meetings.gathering = await meeting(projects.gathering, {
      form: 'user-gathering',
      heldOn: '2026-09-14',
      invitationSentAt: '2026-08-24T08:00:00Z',
      documentsSharedAt: '2026-08-24T08:00:00Z',
      gatheringDecisions: { expensesCovered: true, honorariumPaid: false },
    });
    at('2026-09-14T16:00:00Z');
    for (const name of ['frida', 'gunnar']) {
      inv[`${name}Gathering`] = await log(projects.gathering, people[name], {
        form: 'user-gathering',
        occurredOn: '2026-09-14',
        meetingId: meetings.gathering,
        attendance: 'in-person',
        hours: { meeting: 3, preparation: 1 },
        expenses: [{ kind: 'ticket', amountOre: 38000, receiptRef: 'Vy 2026-09-14' }],
      });
      await attendedAndHeard(inv[`${name}Gathering`], '2026-09-14');
    }
    at('2026-09-24T10:00:00Z');
    await update(meetings.gathering, { kind: 'feedback-given', at: '2026-09-24T09:00:00Z' });
    for (const name of ['fridaGathering', 'gunnarGathering'])
      await evidence(api, inv[name], influence('2026-09-24T09:30:00Z'));

    // 5 October: a dialogue; attendance, input, feedback and influence recorded, but no invitation.
    at('2026-10-05T16:00:00Z');
    inv.jonDialogue = await log(projects.dialogue, people.jon, {
      form: 'dialogue',
      occurredOn: '2026-10-05',
      attendance: 'in-person',
      hours: { meeting: 2 },
    });
    await attendedAndHeard(inv.jonDialogue, '2026-10-05');
    at('2026-10-15T10:00:00Z');
    await evidence(api, inv.jonDialogue, feedback('2026-10-15T09:00:00Z'));
    await evidence(api, inv.jonDialogue, influence('2026-10-15T09:30:00Z'));

    // 16 November: Hanne's interview, under the 2016-01-01 version.
    at('2026-11-16T15:00:00Z');
    inv.hanneInterview = await log(projects.interviews, people.hanne, {
      form: 'user-interview',
      occurredOn: '2026-11-16',
      attendance: 'in-person',
      hours: { meeting: 1.5 },
    });
    await evidence(api, inv.hanneInterview, invitation('2026-11-02T08:00:00Z', '2026-11-02T08:00:00Z'));
    await attendedAndHeard(inv.hanneInterview, '2026-11-16');
    at('2026-11-23T10:00:00Z');
    await evidence(api, inv.hanneInterview, feedback('2026-11-23T09:00:00Z'));
    await evidence(api, inv.hanneInterview, influence('2026-11-23T09:30:00Z'));

    // 7 December: Ivar's interview, under the 2026-12-01 version.
    at('2026-12-07T15:00:00Z');
    inv.ivarInterview = await log(projects.interviews, people.ivar, {
      form: 'user-interview',
      occurredOn: '2026-12-07',
      attendance: 'in-person',
      hours: { meeting: 1.5 },
      expenses: [{ kind: 'ticket', amountOre: 25000, receiptRef: 'AtB 2026-12-07' }],
    });
    await evidence(api, inv.ivarInterview, invitation('2026-11-23T08:00:00Z', '2026-11-23T08:00:00Z'));
    await attendedAndHeard(inv.ivarInterview, '2026-12-07');
    at('2026-12-14T10:00:00Z');
    await evidence(api, inv.ivarInterview, feedback('2026-12-14T09:00:00Z'));
    await evidence(api, inv.ivarInterview, influence('2026-12-14T09:30:00Z'));

    at('2026-12-18T09:00:00Z');
    await api.t.settled();
  }, 180_000);

  afterAll(() => api.close());

  it('records the appointments as the board made them, and the cancelled meeting as cancelled', async () => {
    const council = await api.get(`/v1/projects/${projects.council}`, 'auditor');
    expect(council.status).toBe(200);
    const seated = (council.body.appointments as Array<Record<string, unknown>>).map(
      ({ participantId, role, form, nominatedByKind, appointedBy, decisionRef, mandate, from, to }) => ({
        participantId,
        role,
        form,
        nominatedByKind,
        appointedBy,
        decisionRef,
        mandate,
        from,
        to,
      }),
    );
    const common = {
      form: 'user-council',
      nominatedByKind: 'user-organisation',
      appointedBy: 'Styret i St. Olavs hospital',
      decisionRef: 'Styresak 3/2026',
      mandate: 'Gi råd til direktøren om pasienttilbudet, budsjett og planer',
      from: '2026-01-01',
      to: '2027-12-31',
    };
    expect(seated).toEqual(
      expect.arrayContaining([
        { participantId: people.anna, role: 'leader', ...common },
        { participantId: people.bjorn, role: 'member', ...common },
        { participantId: people.cecilie, role: 'member', ...common },
      ]),
    );
    expect(seated).toHaveLength(3);
    const cancelled = await api.get(`/v1/meetings/${meetings.councilApril}`, 'auditor');
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      heldOn: '2026-04-20',
      cancellationReason: 'Avlyst av sekretariatet: for få saker',
    });
  });

  describe('honorarium per involvement', () => {
    it('pays the council leader the leader rate and her ticket (9 March, version 2016-01-01)', async () => {
      // meeting 2 h × 567.00 = 1134.00; preparation 1 h × 429.00 = 429.00 (≤ 2 h meeting);
      // ticket 450.00 at cost. 113400 + 42900 + 45000 = 201300 øre.
      const h = await honorarium('annaMarch');
      expect(h.guideline).toEqual({ region: REGION, version: '2016-01-01' });
      expect(h.totalOre).toBe(201300);
      expect(byKind(h)).toMatchObject({
        meeting: { quantity: 2, rateOre: 56700, amountOre: 113400, taxable: true, incomeType: VERV },
        preparation: { quantity: 1, rateOre: 42900, amountOre: 42900, taxable: true, incomeType: VERV },
        ticket: { amountOre: 45000, taxable: false, incomeType: OUTLAY },
      });
    });

    it('pays a council member the member rate (9 March)', async () => {
      // meeting 2 h × 429.00 = 858.00; preparation 1 h × 429.00 = 429.00. 85800 + 42900 = 128700 øre.
      const h = await honorarium('bjornMarch');
      expect(h.totalOre).toBe(128700);
      expect(byKind(h)).toMatchObject({
        meeting: { quantity: 2, rateOre: 42900, amountOre: 85800, incomeType: VERV },
        preparation: { quantity: 1, rateOre: 42900, amountOre: 42900 },
      });
    });

    it('pays nothing for an absence under 2016-01-01, which covers no expenses for one', async () => {
      // Absent: no honorarium; version 2016-01-01 has no not-attended-expenses rule, so the 450.00 ticket is not covered.
      const h = await honorarium('cecilieMarch');
      expect(h.totalOre).toBe(0);
      expect(byKind(h)).toMatchObject({
        'not-payable': { amountOre: 0, explanation: expect.stringMatching(/^Absent/) },
        ticket: { amountOre: 0, explanation: expect.stringMatching(/not covered when absent/) },
      });
    });

    it('refunds the ticket bought for the meeting the organiser cancelled, and pays no honorarium', async () => {
      // Cancelled: no honorarium; documented outlays already incurred are covered: ticket 612.00 = 61200 øre.
      const h = await honorarium('bjornCancelled');
      expect(h.totalOre).toBe(61200);
      expect(byKind(h)).toMatchObject({
        'not-payable': { amountOre: 0, explanation: expect.stringMatching(/^Cancelled by the organiser/) },
        ticket: { amountOre: 61200, taxable: false, incomeType: OUTLAY },
      });
      expect(h.lines.map((l) => l.kind)).not.toContain('meeting');
    });

    it('pays the council again in June: each started half hour', async () => {
      // Anna: 1.5 h × 567.00 = 850.50; preparation 0.5 h × 429.00 = 214.50. 85050 + 21450 = 106500 øre.
      // Bjørn: 1.5 h × 429.00 = 643.50; preparation 214.50. 64350 + 21450 = 85800 øre.
      const anna = await honorarium('annaJune');
      const bjorn = await honorarium('bjornJune');
      expect([anna.totalOre, bjorn.totalOre]).toEqual([106500, 85800]);
      expect(byKind(anna).meeting).toMatchObject({ quantity: 1.5, rateOre: 56700, amountOre: 85050 });
      expect(byKind(bjorn).meeting).toMatchObject({ quantity: 1.5, rateOre: 42900, amountOre: 64350 });
    });

    it('pays the panel members the member rate (11 May)', async () => {
      // meeting 2.5 h × 429.00 = 1072.50; preparation 1 h × 429.00 = 429.00. 107250 + 42900 = 150150 øre each.
      for (const name of ['dinaPanel', 'erikPanel']) {
        const h = await honorarium(name);
        expect(h.totalOre).toBe(150150);
        expect(byKind(h)).toMatchObject({
          meeting: { quantity: 2.5, rateOre: 42900, amountOre: 107250, incomeType: VERV },
          preparation: { quantity: 1, amountOre: 42900 },
        });
      }
    });

    it('treats two people at one gathering alike: tickets paid, no honorarium', async () => {
      // The gathering decided {expensesCovered: true, honorariumPaid: false}: meeting and preparation 0, ticket 380.00.
      const frida = await honorarium('fridaGathering');
      const gunnar = await honorarium('gunnarGathering');
      expect(frida).toEqual(gunnar);
      expect(frida.totalOre).toBe(38000);
      expect(byKind(frida)).toMatchObject({
        meeting: { amountOre: 0, explanation: expect.stringMatching(/No honorarium is paid/) },
        preparation: { amountOre: 0 },
        ticket: { amountOre: 38000, taxable: false, incomeType: OUTLAY },
      });
    });

    it('pays the dialogue under 2016-01-01, whose pay rule names no forms and so pays every form', async () => {
      // meeting 2 h × 429.00 = 858.00 = 85800 øre; no preparation.
      const h = await honorarium('jonDialogue');
      expect(h.totalOre).toBe(85800);
      expect(byKind(h).meeting).toMatchObject({ quantity: 2, rateOre: 42900, amountOre: 85800 });
    });

    it('pays the interview of 16 November as a verv fee under 2016-01-01: 643.50 NOK', async () => {
      // 1.5 h × 429.00 = 643.50 = 64350 øre, taxable as styrehonorar (the version prices its days as shipped).
      const h = await honorarium('hanneInterview');
      expect(h.guideline).toEqual({ region: REGION, version: '2016-01-01' });
      expect(h.totalOre).toBe(64350);
      expect(byKind(h).meeting).toMatchObject({
        quantity: 1.5,
        rateOre: 42900,
        amountOre: 64350,
        taxable: true,
        incomeType: VERV,
      });
    });

    it('does not pay the interview of 7 December under 2026-12-01, only its ticket, and says why', async () => {
      // user-interview is named by no pay rule of 2026-12-01: no honorarium; ticket 250.00 = 25000 øre.
      const h = await honorarium('ivarInterview');
      expect(h.guideline).toEqual({ region: REGION, version: '2026-12-01' });
      expect(h.totalOre).toBe(25000);
      expect(byKind(h)).toMatchObject({
        'not-payable': {
          amountOre: 0,
          explanation: expect.stringMatching(/names no pay for user-interview/),
        },
        ticket: { amountOre: 25000, taxable: false, incomeType: OUTLAY },
      });
      expect(h.lines.map((l) => l.kind)).not.toContain('meeting');
    });
  });

  describe('the verdict per project', () => {
    it('the council is real: appointed members, meetings documented, told back in time, input adopted, involved early', async () => {
      const body = await reality('council');
      expect(body).toMatchObject({
        classification: 'real',
        reasons: [],
        explanations: [],
        appointedRepresentatives: 3,
        involvedEarly: {
          early: true,
          firstMeetingWithUsers: '2026-03-09',
          firstMilestoneAfterMandate: { kind: 'options-chosen', on: '2026-05-04' },
        },
      });
      for (const name of ['annaMarch', 'bjornMarch', 'annaJune', 'bjornJune'])
        expect(judged(body, name)).toMatchObject({
          indicators: {
            invitedInGoodTime: true,
            attended: true,
            heard: true,
            toldBack: true,
            influence: true,
          },
          notDocumented: [],
          findings: [],
        });
      // The absence documents attendance (false). The meeting the organiser cancelled never took place:
      // it is left out of the judgement, so it cannot make the council look symbolic.
      expect(judged(body, 'cecilieMarch')).toMatchObject({
        indicators: { attended: false },
        notDocumented: [],
      });
      expect(judged(body, 'bjornCancelled')).toBeUndefined();
      expect(body.excluded).toEqual({ voided: 0, notParticipation: 0, cancelled: 1 });
    });

    it('the panel is symbolic-risk for no-feedback: the feedback recorded in August, claimed for May, is late', async () => {
      const body = await reality('panel');
      expect(body).toMatchObject({
        classification: 'symbolic-risk',
        reasons: ['no-feedback'],
        appointedRepresentatives: 2,
      });
      expect(body.explanations).toEqual([
        expect.objectContaining({
          reason: 'no-feedback',
          involvementIds: expect.arrayContaining([inv.dinaPanel, inv.erikPanel]),
        }),
      ]);
      for (const name of ['dinaPanel', 'erikPanel'])
        expect(judged(body, name)).toMatchObject({
          meetingId: meetings.panelMay,
          indicators: {
            invitedInGoodTime: true,
            attended: true,
            heard: true,
            toldBack: false,
            influence: true,
          },
          notDocumented: [],
          findings: ['feedback-late'],
        });
    });

    it('the gathering is real and has no appointed members to count', async () => {
      const body = await reality('gathering');
      expect(body).toMatchObject({ classification: 'real', reasons: [], appointedRepresentatives: null });
    });

    it('the interviews are real on both sides of 1 December', async () => {
      const body = await reality('interviews');
      expect(body).toMatchObject({ classification: 'real', reasons: [], appointedRepresentatives: null });
      expect(body.involvements).toHaveLength(2);
    });

    it('the dialogue without an invitation record is not-documented', async () => {
      const body = await reality('dialogue');
      expect(body).toMatchObject({ classification: 'symbolic-risk', reasons: ['not-documented'] });
      expect(body.explanations).toEqual([
        expect.objectContaining({ reason: 'not-documented', involvementIds: [inv.jonDialogue] }),
      ]);
      expect(judged(body, 'jonDialogue')).toMatchObject({ notDocumented: ['invitedInGoodTime'] });
    });
  });

  it('the annual report counts meetings without the cancelled one, person-meetings without the absent, and the economy', async () => {
    const res = await api.get(`/v1/reports/annual?year=2026&organizationId=${ORG}`, 'auditor');
    expect(res.status).toBe(200);
    const report = res.body;
    // Held: council 9 March and 8 June, panel 11 May, gathering 14 September; 20 April cancelled.
    // Person-meetings: 9 March Anna and Bjørn (Cecilie absent), 8 June 2, 11 May 2, 14 September 2 = 8.
    expect(report.meetings).toEqual({
      total: 4,
      byLevel: { individual: 0, service: 2, system: 2 },
      byForm: expect.objectContaining({
        'user-council': 2,
        'user-panel': 1,
        'user-gathering': 1,
        'user-interview': 0,
        dialogue: 0,
      }),
      personMeetings: 8,
      cancelled: 1,
    });
    // Involvements where the participant was there: council 4, panel 2, gathering 2, interviews 2, dialogue 1.
    expect(report).toMatchObject({
      organizationId: ORG,
      projects: { total: 5, byLevel: { individual: 0, service: 4, system: 1 } },
      involvements: {
        total: 11,
        byLevel: { individual: 0, service: 7, system: 4 },
        byForm: {
          'user-council': 4,
          'user-panel': 2,
          'user-gathering': 2,
          'user-interview': 2,
          dialogue: 1,
        },
      },
      excluded: { voided: 0, peerSupport: 0, absent: 2 },
      // Anna, Bjørn, Dina, Erik, Frida, Gunnar, Hanne, Ivar, Jon: Cecilie was only absent.
      people: 9,
      // Meeting hours: council 2+2+1.5+1.5, panel 2.5+2.5, gathering 3+3, interviews 1.5+1.5, dialogue 2 = 23.
      hours: { meeting: 23, preparation: 7 },
      symbolicRisk: { projects: 2, of: 5 },
    });
    expect(report.symbolicRisk.items.map((i: { projectId: string }) => i.projectId).sort()).toEqual(
      [projects.panel, projects.dialogue].sort(),
    );
    // Honorarium: Anna 113400 + 42900 + 85050 + 21450 = 262800; Bjørn 85800 + 42900 + 64350 + 21450 = 214500;
    //   Dina and Erik 150150 each; Hanne 64350; Jon 85800. Sum 927750 øre.
    // Expenses: Anna 45000, Bjørn's refunded ticket 61200, the gathering 2 × 38000, Ivar 25000 = 207200 øre
    //   (Cecilie's ticket, absent, not covered). Total 1 134 950 øre.
    expect(report.economy.accrued).toEqual({
      honorariumOre: 927750,
      expensesOre: 207200,
      lostIncomeOre: 0,
      totalOre: 1134950,
    });
    expect(report.economy.unpricedCount).toBe(0);
    // Feedback counts as the audit counts it: given on or after the day, given and recorded within 30 days. The
    // panel's, recorded in August and claimed for May, does not: 9 of the 11 (the council's four, the gathering's
    // two, both interviews and the dialogue). Influence was recorded for all 11.
    expect(report.feedback).toEqual({ involvements: 9, share: 0.818 });
    expect(report.influence).toEqual({ involvements: 11, share: 1 });
  });
});
