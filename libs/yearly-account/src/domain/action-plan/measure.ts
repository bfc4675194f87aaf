import { NotFound } from '@app/shared-kernel';
import { FieldChecks, type DomainEvent } from '@app/participation';
import { MEASURE_STATUSES, type MeasureStatus } from '../vocabulary';

/** A measure (tiltak) of the organisation's action plan for participation. */
export type MeasureRegistered = DomainEvent<
  'MeasureRegistered',
  {
    measureId: string;
    organizationId: string;
    /** What is to be done. */
    what: string;
    /** Who answers for it: a role or unit, e.g. "Fagdirektør". */
    responsible: string;
    deadline: string;
    status: MeasureStatus;
    /** The year the measure is planned for. */
    year: number;
  }
>;

export type MeasureStatusChanged = DomainEvent<
  'MeasureStatusChanged',
  { measureId: string; organizationId: string; status: MeasureStatus; from: MeasureStatus }
>;

export type MeasureEvent = MeasureRegistered | MeasureStatusChanged;

export type MeasureState =
  { registered: false } | { registered: true; status: MeasureStatus; organizationId: string };

export const measureDecider = {
  evolve: (state: MeasureState, event: MeasureEvent): MeasureState =>
    event.type === 'MeasureRegistered'
      ? { registered: true, status: event.data.status, organizationId: event.data.organizationId }
      : ({ ...state, status: event.data.status } as MeasureState),
  initialState: (): MeasureState => ({ registered: false }),
};

export type MeasureInput = Omit<MeasureRegistered['data'], 'measureId'>;

export const isYear = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2999;

export function parseMeasure(input: Record<string, unknown>): MeasureInput {
  const checks = new FieldChecks()
    .text('organizationId', input.organizationId, 200)
    .oneLine('organizationId', input.organizationId)
    .text('what', input.what, 1000)
    .text('responsible', input.responsible, 300)
    .oneLine('responsible', input.responsible)
    .date('deadline', input.deadline)
    .oneOf('status', MEASURE_STATUSES, input.status ?? 'planned');
  if (!isYear(input.year)) checks.fail('year', 'must be a year like 2025');
  checks.throwIfAny();
  return {
    organizationId: (input.organizationId as string).trim(),
    what: (input.what as string).trim(),
    responsible: (input.responsible as string).trim(),
    deadline: input.deadline as string,
    status: (input.status ?? 'planned') as MeasureStatus,
    year: input.year as number,
  };
}

export function registerMeasure(state: MeasureState, measureId: string, input: MeasureInput): MeasureEvent[] {
  if (state.registered) return [];
  return [{ type: 'MeasureRegistered', data: { measureId, ...input } }];
}

export function changeMeasureStatus(state: MeasureState, measureId: string, status: unknown): MeasureEvent[] {
  new FieldChecks().oneOf('status', MEASURE_STATUSES, status).throwIfAny();
  if (!state.registered) throw new NotFound('Measure', measureId);
  if (state.status === status) return [];
  return [
    {
      type: 'MeasureStatusChanged',
      data: {
        measureId,
        organizationId: state.organizationId,
        status: status as MeasureStatus,
        from: state.status,
      },
    },
  ];
}
