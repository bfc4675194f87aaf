import { Notary } from '@app/audit';
import { FixedClock } from '@app/shared-kernel';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * The kinds of caller the fuzz suite sends every operation as; the
 * representative is the world's participant (`ids.participantId`).
 */
export const CALLERS = ['admin', 'project-lead', 'finance', 'auditor', 'representative', 'none'] as const;
export type Caller = (typeof CALLERS)[number];

/** Ids that exist, so generated requests reach past "not found" into the handlers. */
export interface World {
  t: TestApp;
  tokens: Record<Exclude<Caller, 'none'>, string>;
  ids: {
    projectId: string;
    participantId: string;
    appointmentId: string;
    involvementId: string;
    /** A feedback evidence of that involvement, for the representative to acknowledge. */
    evidenceId: string;
    meetingId: string;
    batchId: string;
    /** A second batch, left a draft, for approve and cancel to find one. */
    draftBatchId: string;
    lineId: string;
    /** A measure of the action plan, for its status changes. */
    measureId: string;
    region: string;
    streamId: string;
  };
}

const PII_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

/** A valid fødselsnummer (both mod-11 check digits) for a birth date and individual number. */
function nationalId(ddmmyy: string, individual: number): string {
  const check = (weights: number[], digits: number[]) => {
    const r = 11 - (digits.reduce((sum, d, i) => sum + d * weights[i], 0) % 11);
    return r === 11 ? 0 : r;
  };
  for (let n = individual; n < individual + 1000; n += 1) {
    const base = `${ddmmyy}${String(n % 1000).padStart(3, '0')}`.split('').map(Number);
    const k1 = check([3, 7, 6, 1, 8, 9, 4, 5, 2], base);
    const k2 = check([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], [...base, k1]);
    if (k1 < 10 && k2 < 10) return `${base.join('')}${k1}${k2}`;
  }
  throw new Error(`no national id for ${ddmmyy}`);
}

/**
 * The real app with a small world entered through the API: a project led by
 * the lead, two appointed participants with an involvement each, and a
 * drafted payout batch holding one of them.
 */
export async function buildWorld(): Promise<World> {
  const t = await startTestApp({ env: { PII_MASTER_KEY } });
  const tokens: Record<Exclude<Caller, 'none'>, string> = {
    admin: await t.token({ sub: 'fuzz-admin', name: 'Anne Admin', roles: ['admin'] }),
    'project-lead': await t.token({ sub: 'fuzz-lead', name: 'Kari Leder', roles: ['project-lead'] }),
    finance: await t.token({ sub: 'fuzz-finance', name: 'Frode Økonomi', roles: ['finance'] }),
    auditor: await t.token({ sub: 'fuzz-auditor', name: 'Aud Revisor', roles: ['auditor'] }),
    representative: '',
  };
  const post = async (path: string, caller: Exclude<Caller, 'none' | 'representative'>, body: object) => {
    const res = await t.http.post(path).set('Authorization', `Bearer ${tokens[caller]}`).send(body);
    if (res.status >= 300) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const region = 'helse-bergen-neuro-sysmed';
  const project = await post('/v1/projects', 'project-lead', {
    name: 'Ny pasientreise-ordning',
    organizationId: 'helse-bergen',
    region,
    level: 'service',
  });
  const people = [];
  for (const [i, name] of ['Máret Ŋuolja', 'Ola Nordmann'].entries()) {
    const participant = await post('/v1/participants', 'project-lead', {
      name,
      nationalId: nationalId('150765', 5 + i * 10),
      bankAccount: '1234.56.78903',
      email: `person${i}@example.no`,
    });
    const appointment = await post(`/v1/projects/${project.id}/appointments`, 'project-lead', {
      participantId: participant.id,
      role: 'member',
      nominatedBy: 'Brukerutvalget',
      appointedBy: 'Styret',
      from: '2025-01-01',
    });
    await t.settled();
    const involvement = await post(`/v1/projects/${project.id}/involvements`, 'project-lead', {
      participantId: participant.id,
      form: 'user-council',
      occurredOn: i === 0 ? '2025-05-20' : '2025-06-01',
      attendance: 'in-person',
      hours: { meeting: 2.5, preparation: 1, travel: 1 },
      expenses: [{ kind: 'mileage', km: 40 }],
      topic: 'Pasientreiser',
    });
    people.push({ participant, appointment, involvement });
  }
  await post(`/v1/involvements/${people[0].involvement.id}/evidence`, 'project-lead', {
    kind: 'attendance',
    at: '2025-05-20T12:00:00Z',
    confirmedBy: 'attendance-list',
  });
  const meeting = await post(`/v1/projects/${project.id}/meetings`, 'project-lead', {
    form: 'user-council',
    heldOn: '2025-05-20',
  });
  await t.settled();
  // Drafted by a second finance user, so the fuzzed one may approve it (four eyes).
  const drafter = await t.token({ sub: 'fuzz-finance-2', name: 'Fiona Økonomi', roles: ['finance'] });
  const draft = async (periodEnd: string) => {
    const res = await t.http
      .post('/v1/payout-batches')
      .set('Authorization', `Bearer ${drafter}`)
      .send({ periodEnd });
    if (res.status !== 201) throw new Error(`drafting answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const batch = await draft('2025-05-31');
  await post(`/v1/payout-batches/${batch.id}/approve`, 'finance', {});
  await t.settled();
  const draftBatch = await draft('2025-06-01');
  // Logged after both drafts, so owed and in no batch (and priced: the guideline is in force from 2025-05-06).
  await post(`/v1/projects/${project.id}/involvements`, 'project-lead', {
    participantId: people[0].participant.id,
    form: 'user-council',
    occurredOn: '2025-05-12',
    attendance: 'remote',
    hours: { meeting: 1 },
  });
  const lines = await t.http
    .get(`/v1/payout-batches/${batch.id}`)
    .set('Authorization', `Bearer ${tokens.finance}`);
  // The representative's own involvement, in no batch yet (so a waiver may pass), with feedback to acknowledge.
  const own = people[1].participant.id;
  const ownInvolvement = await post(`/v1/projects/${project.id}/involvements`, 'project-lead', {
    participantId: own,
    form: 'user-council',
    occurredOn: '2025-06-02',
    attendance: 'remote',
    hours: { meeting: 1.5 },
  });
  const feedback = await post(`/v1/involvements/${ownInvolvement.id}/evidence`, 'project-lead', {
    kind: 'feedback',
    at: '2025-06-02T08:00:00Z',
    summary: 'Innspillet tas med i planen',
  });
  tokens.representative = await t.token({
    sub: 'fuzz-representative',
    name: 'Ola Nordmann',
    roles: ['representative'],
    participantId: own,
  });
  await t.settled();
  const measure = await post('/v1/measures', 'admin', {
    organizationId: 'helse-bergen',
    what: 'Opplæring av nye brukerrepresentanter',
    responsible: 'Fagdirektør',
    deadline: '2025-09-30',
    year: 2025,
  });
  // A signed checkpoint, so proofs answer: the notary signs when a leaf has waited a minute.
  (t.clock as FixedClock).advance(61_000);
  await t.app.get(Notary).checkpointIfDue();
  return {
    t,
    tokens,
    ids: {
      projectId: project.id,
      participantId: people[1].participant.id,
      appointmentId: people[1].appointment.id,
      involvementId: ownInvolvement.id,
      evidenceId: feedback.id,
      meetingId: meeting.id,
      batchId: batch.id,
      draftBatchId: draftBatch.id,
      lineId: (lines.body as { lines: Array<{ lineId: string }> }).lines[0].lineId,
      measureId: measure.id,
      region,
      streamId: `project-${project.id}`,
    },
  };
}
