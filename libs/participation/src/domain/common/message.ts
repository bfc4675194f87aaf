/**
 * The shapes of commands and events, structurally the same as Emmett's
 * `Command` and `Event` ({ type, data }), so the application layer can hand
 * them to Emmett's command handlers without this pure layer importing Emmett.
 */
export type DomainEvent<Type extends string, Data extends object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

export type DomainCommand<Type extends string, Data extends object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

/** A date without time (`YYYY-MM-DD`), as the API carries dates. */
export type IsoDate = string;

/** An ISO 8601 instant with an offset or `Z`, as the API carries instants. */
export type IsoInstant = string;

/** Fails compilation when a switch over a union misses a member. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value ${JSON.stringify(value)}`);
}
