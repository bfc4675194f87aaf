import type { FixedClock } from '@app/shared-kernel';
import type { ParticipationApi } from '../../participation/support/builders';

/** Adds one piece of evidence through the API as the project's lead; fails the test on anything but 201. */
export async function evidence(api: ParticipationApi, involvementId: string, body: object): Promise<void> {
  const res = await api.post(`/v1/involvements/${involvementId}/evidence`, 'lead', body);
  if (res.status !== 201) throw new Error(`evidence answered ${res.status}: ${JSON.stringify(res.body)}`);
}

/**
 * Adds evidence with the test clock at the moment it happened, so the log
 * records it then, as a lead who logs at once would; the clock is put back after.
 */
export async function evidenceAsItHappened(
  api: ParticipationApi,
  involvementId: string,
  body: { at: string },
): Promise<void> {
  const clock = api.t.clock as FixedClock;
  const now = clock.now();
  clock.set(body.at);
  try {
    await evidence(api, involvementId, body);
  } finally {
    clock.set(now);
  }
}

export const invitation = (at: string, documentsSharedAt?: string) => ({
  kind: 'invitation',
  at,
  ...(documentsSharedAt ? { documentsSharedAt } : {}),
});
export const attendance = (at: string) => ({ kind: 'attendance', at, confirmedBy: 'attendance-list' });
export const input = (at: string) => ({
  kind: 'input',
  at,
  summary: 'Ønsker kortere ventetid på pasientreiser',
});
export const feedback = (at: string) => ({
  kind: 'feedback',
  at,
  summary: 'Innspillet ble tatt med i planen',
});
export const influence = (at: string) => ({
  kind: 'influence',
  at,
  decisionRef: 'Styresak 12/2025',
  outcome: 'adopted',
  rationale: 'Tatt inn i tiltaksplanen',
});
