import { Conflict, isOre } from '@app/shared-kernel';
import { FieldChecks, type DomainEvent } from '@app/participation';
import { TRAINING_AUDIENCES, type TrainingAudience } from '../vocabulary';

/**
 * A course (opplæring) given to representatives or to staff. Recorded apart
 * from involvements: it is never participation and never counted as such.
 * Whether representatives are paid for it follows the guideline and is
 * recorded as the decision taken; what it cost is `costOre`.
 */
export type TrainingRecorded = DomainEvent<
  'TrainingRecorded',
  {
    trainingId: string;
    organizationId: string;
    /** What: the course, e.g. "Introduksjonskurs for nye brukerrepresentanter". */
    title: string;
    organiser: string;
    occurredOn: string;
    hours: number;
    audience: TrainingAudience;
    /** Who, for representatives: participant ids (no personal data). */
    participantIds: string[];
    /** Who, for staff: how many took part (staff are not participants). */
    staffCount: number;
    /** Representatives paid for their time per the guideline, or not. */
    paid: boolean;
    /** What the course cost the organisation, honoraria for it included. */
    costOre: number;
  }
>;

export type TrainingEvent = TrainingRecorded;
export type TrainingInput = Omit<TrainingRecorded['data'], 'trainingId'>;

export const trainingDecider = {
  evolve: (_state: { recorded: boolean }, _event: TrainingEvent) => ({ recorded: true }),
  initialState: () => ({ recorded: false }),
};

/** Checks a course as a client sends it (400 naming every field that breaks its rule). */
export function parseTraining(input: Record<string, unknown>, today: string): TrainingInput {
  const checks = new FieldChecks()
    .text('organizationId', input.organizationId, 200)
    .oneLine('organizationId', input.organizationId)
    .text('title', input.title, 300)
    .oneLine('title', input.title)
    .text('organiser', input.organiser, 300)
    .oneLine('organiser', input.organiser)
    .date('occurredOn', input.occurredOn)
    .oneOf('audience', TRAINING_AUDIENCES, input.audience)
    .boolean('paid', input.paid)
    .nonNegativeOre('costOre', input.costOre);
  if (
    typeof input.hours !== 'number' ||
    !Number.isFinite(input.hours) ||
    input.hours <= 0 ||
    input.hours > 200
  )
    checks.fail('hours', 'must be a number above 0 and at most 200');
  if (typeof input.occurredOn === 'string' && input.occurredOn > today)
    checks.fail('occurredOn', 'cannot lie in the future: training is recorded once given');
  const ids = input.participantIds ?? [];
  if (!Array.isArray(ids) || ids.length > 500)
    checks.fail('participantIds', 'must be a list of at most 500 participant ids');
  else ids.forEach((id, i) => checks.text(`participantIds[${i}]`, id, 100));
  const staffCount = input.staffCount ?? 0;
  if (!Number.isInteger(staffCount) || (staffCount as number) < 0 || (staffCount as number) > 100000)
    checks.fail('staffCount', 'must be a whole number from 0 to 100000');
  if (input.audience === 'representatives' && Array.isArray(ids) && ids.length === 0)
    checks.fail('participantIds', 'must name the representatives who took part');
  if (input.audience === 'staff' && staffCount === 0)
    checks.fail('staffCount', 'must say how many staff took part');
  if (input.audience === 'staff' && Array.isArray(ids) && ids.length > 0)
    checks.fail('participantIds', 'is for courses for representatives; staff are counted in staffCount');
  checks.throwIfAny();
  return {
    organizationId: (input.organizationId as string).trim(),
    title: (input.title as string).trim(),
    organiser: (input.organiser as string).trim(),
    occurredOn: input.occurredOn as string,
    hours: Math.round((input.hours as number) * 100) / 100,
    audience: input.audience as TrainingAudience,
    participantIds: [...new Set(ids as string[])],
    staffCount: staffCount as number,
    paid: input.paid as boolean,
    costOre: isOre(input.costOre) ? input.costOre : 0,
  };
}

export function recordTraining(
  state: { recorded: boolean },
  trainingId: string,
  input: TrainingInput,
): TrainingEvent[] {
  if (state.recorded) throw new Conflict(`Training ${trainingId} is already recorded`);
  return [{ type: 'TrainingRecorded', data: { trainingId, ...input } }];
}
