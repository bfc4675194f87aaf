import { participantsNamedIn, streamBelongsToItsParticipants } from './participants-of-event';

describe('who an event is about', () => {
  it('reads participantId and the participants of payout lines, once each', () => {
    expect(participantsNamedIn({ participantId: 'p1', projectId: 'x' })).toEqual(['p1']);
    expect(
      participantsNamedIn({
        batchId: 'b',
        lines: [{ participantId: 'p1' }, { participantId: 'p2' }, { participantId: 'p1' }],
      }),
    ).toEqual(['p1', 'p2']);
  });

  it('names nobody in events without participant ids or with malformed ones', () => {
    expect(participantsNamedIn({ projectId: 'x', name: 'Prosjekt' })).toEqual([]);
    expect(participantsNamedIn({ participantId: 42, lines: [null, { participantId: '' }] })).toEqual([]);
    expect(participantsNamedIn(null)).toEqual([]);
  });

  it('treats participant, appointment, involvement and payout-batch streams as personal, projects not', () => {
    expect(streamBelongsToItsParticipants('involvement-1f0c')).toBe(true);
    expect(streamBelongsToItsParticipants('payout-batch-77')).toBe(true);
    expect(streamBelongsToItsParticipants('participant-9')).toBe(true);
    expect(streamBelongsToItsParticipants('project-1')).toBe(false);
    expect(streamBelongsToItsParticipants('involvement-')).toBe(false);
  });
});
