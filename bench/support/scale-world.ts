/**
 * The region `npm run bench:scale` seeds (issue 13, item 6; docs/adr/0024):
 * one health trust of Helse Midt-Norge with `projects` user councils and
 * `participants` people, each appointed to one council for the year, and
 * `involvements` council meetings spread over 2025, then corrected, voided and
 * paid as a finance department would. Pure: what to do, not how; the seeder
 * (bench/support/seed-scale-world.ts) sends it through the command bus.
 */
export const YEAR = 2025;
export const ORGANIZATION = 'st-olavs-hospital';
export const REGION = 'helse-midt-norge';
/** The payment round before the timed draft: everything owed up to this day is drafted, approved and paid. */
export const PAYMENT_ROUND_END = `${YEAR}-06-30`;

export interface WorldShape {
  involvements: number;
  participants: number;
  projects: number;
}

export interface PlannedInvolvement {
  /** Index of the participant (0-based); their council is `participant % projects`. */
  participant: number;
  body: {
    form: 'user-council';
    occurredOn: string;
    attendance: 'in-person' | 'remote';
    hours: { meeting: number; preparation: number; travel?: number };
    expenses?: Array<{ kind: 'mileage'; km: number }>;
    topic: string;
  };
}

const TOPICS = [
  'Ny pasientreise-ordning for Trøndelag og Sápmi',
  'Ventetider i psykisk helsevern for barn og unge',
  'Samvalg ved kreftbehandling',
  'Digital hjemmeoppfølging av kols-pasienter',
];

/**
 * The i-th involvement: participant i mod `participants`, their k-th meeting
 * of the year spread evenly over 2025 (at 100,000 by 2,000 about one a week
 * each, 2–2.5 hours: far below the 24 hours a person may log a day). Odd ones
 * remote; every third in-person one with mileage.
 */
export function plannedInvolvement(i: number, shape: WorldShape): PlannedInvolvement {
  const perPerson = Math.ceil(shape.involvements / shape.participants);
  const k = Math.floor(i / shape.participants);
  const day = new Date(Date.UTC(YEAR, 0, 1) + Math.floor((k * 365) / perPerson) * 86_400_000);
  const remote = i % 2 === 1;
  return {
    participant: i % shape.participants,
    body: {
      form: 'user-council',
      occurredOn: day.toISOString().slice(0, 10),
      attendance: remote ? 'remote' : 'in-person',
      hours: remote ? { meeting: 1.5, preparation: 0.5 } : { meeting: 1.5, preparation: 0.5, travel: 0.5 },
      ...(!remote && i % 3 === 0 ? { expenses: [{ kind: 'mileage' as const, km: 20 + (i % 60) }] } : {}),
      topic: TOPICS[i % TOPICS.length],
    },
  };
}

/** About 3 % of involvements are corrected afterwards (the meeting ran half an hour longer). */
export const isCorrected = (i: number) => i % 33 === 7;
/** About 1 % are voided (logged by mistake); never one that is also corrected. */
export const isVoided = (i: number) => i % 97 === 11 && !isCorrected(i);
/** About 2 % of the payment round's lines fail at the bank (closed account) and are owed again. */
export const paymentFails = (lineNo: number) => lineNo % 50 === 13;
