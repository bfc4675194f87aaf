/**
 * SQL that takes a transaction-level advisory lock on (topic, key): two
 * transactions writing rows of the same key then commit one after the other,
 * so `bigserial` order per key is commit order and a reader never sees a
 * key's later row before an earlier one. Parameters: $1 topic, $2 key. (The
 * two-int key space never overlaps the single-bigint locks of projections.)
 */
export const LOCK_KEY_FOR_TRANSACTION =
  "SELECT pg_advisory_xact_lock(hashtext('integration-message-key'), hashtext($1 || E'\\n' || $2))";

/** The distinct (topic, key) pairs of a batch in a fixed order, so lockers never deadlock. */
export function keysInLockOrder(
  messages: ReadonlyArray<{ topic: string; key: string }>,
): Array<[string, string]> {
  const pairs = new Map<string, [string, string]>();
  for (const m of messages) pairs.set(`${m.topic}\n${m.key}`, [m.topic, m.key]);
  return [...pairs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, pair]) => pair);
}

/**
 * LOCK_KEY_FOR_TRANSACTION for many keys in one statement. Parameters: $1
 * topics, $2 keys, pairwise, in lock order (`keysInLockOrder`); unnest yields
 * the pairs in array order, so the locks are taken in lock order.
 */
export const LOCK_KEYS_FOR_TRANSACTION = `SELECT count(*) FROM (
     SELECT pg_advisory_xact_lock(hashtext('integration-message-key'), hashtext(topic || E'\\n' || message_key))
     FROM unnest($1::text[], $2::text[]) AS k(topic, message_key)
   ) locked`;

/**
 * LOCK_KEYS_FOR_TRANSACTION without waiting: returns the (topic, message_key)
 * pairs whose lock this transaction now holds; a key another transaction
 * holds is left out. Same parameters.
 */
export const TRY_LOCK_KEYS_FOR_TRANSACTION = `SELECT k.topic, k.message_key
   FROM unnest($1::text[], $2::text[]) AS k(topic, message_key)
   WHERE pg_try_advisory_xact_lock(hashtext('integration-message-key'), hashtext(k.topic || E'\\n' || k.message_key))`;

/** The parameters of LOCK_KEYS_FOR_TRANSACTION for the keys of these messages. */
export function lockKeysParameters(
  messages: ReadonlyArray<{ topic: string; key: string }>,
): [string[], string[]] {
  const keys = keysInLockOrder(messages);
  return [keys.map(([topic]) => topic), keys.map(([, key]) => key)];
}
