/**
 * Who an event is about, for GET /v1/audit/participants/{id}/history. Pure.
 *
 * - An event names a participant in `data.participantId`, or (payout batches,
 *   see the payouts contract) in `data.lines[].participantId`.
 * - In streams that belong to people (participant, appointment, involvement,
 *   payout batch) every event concerns everyone the stream has named so far,
 *   or names later: a correction or evidence event carries only the
 *   involvement id, a batch's results and settlement only line ids.
 */
const PERSONAL_STREAM_CATEGORIES = new Set(['participant', 'appointment', 'involvement', 'payout-batch']);

export function participantsNamedIn(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return [];
  const named = new Set<string>();
  const record = data as Record<string, unknown>;
  if (typeof record.participantId === 'string' && record.participantId !== '')
    named.add(record.participantId);
  if (Array.isArray(record.lines)) {
    for (const line of record.lines as unknown[]) {
      const id = (line as Record<string, unknown> | null)?.participantId;
      if (typeof id === 'string' && id !== '') named.add(id);
    }
  }
  return [...named];
}

/** True when every event of the stream concerns every participant the stream names. */
export function streamBelongsToItsParticipants(streamId: string): boolean {
  for (const category of PERSONAL_STREAM_CATEGORIES) {
    if (streamId.startsWith(`${category}-`) && streamId.length > category.length + 1) return true;
  }
  return false;
}
