import { DomainError, RuleViolation, ValidationFailed } from '@app/shared-kernel';

/** What the helper needs of a decider; the context defaults to none. */
export type DeciderUnderTest<Command, Event, State, Context = void> = {
  decide: (command: Command, state: State, context: Context) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
};

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Given events (the stream so far) / When a command (with its context) /
 * Then the new events or the refusal: the decider's whole contract, with no
 * store and no Nest. Shaped after Emmett's DeciderSpecification, plus the
 * refusals this domain cares about.
 */
export function deciderSpec<Command, Event, State, Context = void>(
  decider: DeciderUnderTest<Command, Event, State, Context>,
) {
  return (...given: Event[]) => ({
    when: (command: Command, ...context: undefined extends Context ? [Context?] : [Context]) => {
      const state = given.reduce(decider.evolve, decider.initialState());
      const run = () => decider.decide(command, state, context[0] as Context);
      const thrown = (): unknown => {
        try {
          const events = run();
          return new Error(`expected a refusal, but decide returned ${JSON.stringify(events)}`);
        } catch (error) {
          return error;
        }
      };
      return {
        then: (...expected: Event[]) => expect(run()).toEqual(expected),
        thenNothingHappened: () => expect(run()).toEqual([]),
        /** Refused by the domain rule with this code (HTTP 422). */
        thenViolates: (rule: string) => {
          const error = thrown();
          expect(error).toBeInstanceOf(RuleViolation);
          expect((error as RuleViolation).rule).toBe(rule);
        },
        /** Refused as malformed input (HTTP 400), naming these fields. */
        thenInvalid: (...fields: string[]) => {
          const error = thrown();
          expect(error).toBeInstanceOf(ValidationFailed);
          const named = (error as ValidationFailed).errors.map((e) => e.field);
          expect(named).toEqual(expect.arrayContaining(fields));
        },
        thenThrows: (kind: ErrorClass) => {
          const error = thrown();
          expect(error).toBeInstanceOf(kind);
          return error as DomainError;
        },
      };
    },
  });
}
