import fc from 'fast-check';
import { resolve, type OpenApiDocument, type Operation, type Parameter, type Schema } from './openapi';
import { syntheticNationalId } from '../../participation/support/builders';

/** What the world offers generators: ids that exist, by the field or parameter name that holds them. */
export type Known = Record<string, string>;

/** JSON text sent as it is: malformed, or nested deeper than JSON.stringify can write. */
export class RawJson {
  constructor(
    readonly text: string,
    readonly contentType = 'application/json',
  ) {}
  toJSON(): string {
    return `${this.text.slice(0, 60)}…(${this.text.length} characters)`;
  }
}

/** One generated request and how it was made, so a finding can be reproduced. */
export interface FuzzRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** undefined: no body; a string: sent as raw JSON text. */
  body?: unknown;
  mutation: string;
}

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\r\n\t',
  '\u202eevil',
  '🦄👩‍👩‍👧',
  'Åse Ŋuolja-Čoavddáš',
  '\ud800',
  '../../etc/passwd',
  "' OR 1=1 --",
  '%00',
  '1e309',
  '-1',
  '00000000-0000-0000-0000-000000000000',
];

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.fullUnicodeString({ maxLength: 30 }),
  fc.integer({ min: 200, max: 5000 }).map((n) => 'x'.repeat(n)),
);

const wrongValue = fc.oneof(
  fc.constantFrom<unknown>(null, true, 0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2, '', [], {}, [1, 2], {
    a: 1,
  }),
  nastyString,
);

const DAY = 86_400_000;
/** Days up to the test clock's today (2025-06-02), the last few often, as real requests are. */
const date = fc.oneof(
  fc
    .integer({ min: Date.UTC(2025, 0, 1) / DAY, max: Date.UTC(2025, 5, 2) / DAY })
    .map((d) => new Date(d * DAY).toISOString().slice(0, 10)),
  fc.constantFrom('2025-05-31', '2025-06-01', '2025-06-02'),
);
const instant = fc
  .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2025, 5, 2) })
  .map((ms) => new Date(ms).toISOString());

/** Values a schema allows (mostly; domain rules may still refuse them, which is the point). */
export function valueOf(
  doc: OpenApiDocument,
  schema: Schema,
  known: Known,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  if (name in known) return fc.constant(known[name]);
  if (s.allOf?.length) return valueOf(doc, s.allOf[0], known, name, depth);
  if (s.oneOf?.length) return fc.oneof(...s.oneOf.map((o) => valueOf(doc, o, known, name, depth)));
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'integer':
      return fc.integer({ min: s.minimum ?? 0, max: Math.min(s.maximum ?? 200_000, 200_000) });
    case 'number':
      return fc.double({
        min: s.minimum ?? 0,
        max: Math.min(s.maximum ?? 500, 500),
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 4 || !s.items
        ? fc.constant([])
        : fc.array(valueOf(doc, s.items, known, name, depth + 1), {
            minLength: s.minItems ?? 0,
            maxLength: Math.min(s.maxItems ?? 3, 3),
          });
    case 'object':
      return objectOf(doc, s, known, depth);
    case undefined:
    default:
      return stringOf(s);
  }
}

function stringOf(s: Schema): fc.Arbitrary<string> {
  if (s.format === 'date') return date;
  if (s.format === 'date-time') return instant;
  if (s.format === 'email') return fc.constantFrom('ase@example.no', 'ola.nordmann@helse.no');
  // Mostly valid ids nobody registered yet (one person, one participant), some invalid ones.
  if (s.pattern === '^\\d{11}$')
    return fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 8000, max: 16000 }).map(syntheticNationalId) },
      { weight: 1, arbitrary: fc.constantFrom('01019012345', '12345678901') },
    );
  return fc.string({ minLength: Math.max(s.minLength ?? 1, 1), maxLength: Math.min(s.maxLength ?? 30, 30) });
}

function objectOf(doc: OpenApiDocument, s: Schema, known: Known, depth: number): fc.Arbitrary<unknown> {
  if (!s.properties || depth > 4) return fc.constant({});
  const fields = Object.fromEntries(
    Object.entries(s.properties).map(([key, inner]) => [key, valueOf(doc, inner, known, key, depth + 1)]),
  );
  return fc.record(fields, { requiredKeys: (s.required ?? []).filter((key) => key in fields) });
}

/** Paths into a JSON value where a mutation can land: [] is the value itself. */
function pathsIn(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, inner]) => pathsIn(inner, [...prefix, key]))];
}

function setAt(value: unknown, path: Array<string | number>, next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  const [head, ...rest] = path;
  if (rest.length === 0 && next === undefined) delete copy[head];
  else copy[head] = setAt(copy[head], rest, next);
  return copy;
}

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

type Mutation = [name: string, apply: fc.Arbitrary<(body: unknown) => unknown>];

/** Ways to spoil a valid body: each a name (for the report) and what it does. */
const BODY_MUTATIONS: Mutation[] = [
  [
    'wrong-type',
    fc.tuple(fc.nat(), wrongValue).map(([n, v]) => (b: unknown) => {
      const paths = pathsIn(b).filter((p) => p.length > 0);
      return paths.length ? setAt(b, paths[n % paths.length], v) : v;
    }),
  ],
  [
    'missing-field',
    fc.nat().map((n) => (b: unknown) => {
      const paths = pathsIn(b).filter((p) => p.length > 0);
      return paths.length ? setAt(b, paths[n % paths.length], undefined) : b;
    }),
  ],
  ['unknown-field', fc.constant((b: unknown) => ({ ...(b as object), colour: 'blå' }))],
  [
    'nasty-string',
    fc.tuple(fc.nat(), nastyString).map(([n, v]) => (b: unknown) => {
      const paths = pathsIn(b).filter((p) => p.length > 0);
      return paths.length ? setAt(b, paths[n % paths.length], v) : b;
    }),
  ],
  [
    'huge-string',
    fc.nat().map((n) => (b: unknown) => {
      const paths = pathsIn(b).filter((p) => p.length > 0);
      return paths.length ? setAt(b, paths[n % paths.length], 'x'.repeat(300_000)) : b;
    }),
  ],
  [
    'unknown-id',
    fc.uuid().map((id) => (b: unknown) => {
      const paths = pathsIn(b).filter((p) => /Id$/.test(String(p[p.length - 1])));
      return paths.length ? setAt(b, paths[0], id) : b;
    }),
  ],
  ['not-an-object', fc.constantFrom<unknown>([], 42, 'text', null, true).map((v) => () => v)],
  [
    'nested-deep',
    fc.constantFrom(40, 200).map((depth) => (b: unknown) => ({ ...(b as object), deep: nested(depth) })),
  ],
  ['nested-very-deep', fc.constant(() => new RawJson(`{"deep":${'['.repeat(5000)}${']'.repeat(5000)}}`))],
  ['over-1-mib', fc.constant((b: unknown) => ({ ...(b as object), pad: 'x'.repeat(1_100_000) }))],
  ['malformed-json', fc.constant(() => new RawJson('{"name": "unterminated'))],
  [
    'not-utf-8',
    fc.constant((b: unknown) => new RawJson(JSON.stringify(b) ?? '{}', 'application/json; charset=latin1')),
  ],
];

function paramValue(doc: OpenApiDocument, p: Parameter, known: Known): fc.Arbitrary<string | undefined> {
  const schema: Schema = p.schema ?? (p.enum ? { type: 'string', enum: p.enum } : { type: 'string' });
  const valid = valueOf(doc, schema, known, p.name).map((v) => String(v));
  // An empty path segment would address another route, not this operation.
  const spoiled = fc.oneof(
    p.in === 'path' ? nastyString.filter((s) => s !== '') : nastyString,
    fc.uuid(),
    fc.constantFrom('0', '-1', '1.5', '99999999999999999999', 'null'),
    fc.constantFrom('\u0000', 'x\u0000', '\u0000\u0000'),
  );
  const weights = p.in === 'path' ? [6, 3] : [3, 2];
  return fc.oneof(
    { weight: weights[0], arbitrary: valid },
    { weight: weights[1], arbitrary: spoiled },
    ...(p.required || p.in === 'path' ? [] : [{ weight: 3, arbitrary: fc.constant(undefined) }]),
  );
}

/** Stands for the ETag of the operation's aggregate (its path without the last segment) at the time of sending. */
export const CURRENT_VERSION = '<current version>';

/** Headers a client may send: a key, a precondition, or spoiled ones (always valid HTTP header bytes). */
function headerValue(p: Parameter): fc.Arbitrary<string | undefined> {
  if (p.name === 'Idempotency-Key')
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant(undefined) },
      { weight: 3, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: fc.constantFrom('fixed-key-1', 'x'.repeat(300), ' ', 'ab\tcd') },
    );
  // A required If-Match (428 without it) also gets the current version, read just before sending.
  if (p.name === 'If-Match' && p.required)
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant(CURRENT_VERSION) },
      { weight: 2, arbitrary: fc.constant(undefined) },
      { weight: 2, arbitrary: fc.constantFrom('"1"', 'W/"1"', '*', '"999"') },
      { weight: 1, arbitrary: fc.constantFrom('garbage', '"-1"', '"1e3"', '"99999999999999999999"') },
    );
  if (p.name === 'If-Match')
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant(undefined) },
      { weight: 2, arbitrary: fc.constantFrom('"1"', '"2"', 'W/"1"', '*', '"999"') },
      { weight: 1, arbitrary: fc.constantFrom('garbage', '"-1"', '"1e3"', '"99999999999999999999"') },
    );
  if (p.name === 'X-Correlation-Id')
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant(undefined) },
      { weight: 2, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: fc.constantFrom('x'.repeat(300), 'Kari Nordmann 15076500565', ' ') },
    );
  return fc.constant(undefined);
}

/** Percent-encoding; a lone surrogate becomes the invalid UTF-8 bytes it would be (a case worth sending). */
function encodeSegment(value: string): string {
  return Array.from(value)
    .map((char) => {
      try {
        return encodeURIComponent(char);
      } catch {
        return '%ED%A0%80';
      }
    })
    .join('');
}

/** Requests for one operation: mostly valid-ish bodies from the schema, a third of them spoiled. */
export function requestsFor(doc: OpenApiDocument, op: Operation, known: Known): fc.Arbitrary<FuzzRequest> {
  const params = Object.fromEntries(
    op.parameters.map((p) => [
      `${p.in}:${p.name}`,
      p.in === 'header' ? headerValue(p) : paramValue(doc, p, known),
    ]),
  );
  const media = op.requestBody?.content['application/json'];
  const bodySchema = media?.schema;
  const examples = Object.values(media?.examples ?? {}).map((example) => example.value);
  const generated = bodySchema ? valueOf(doc, bodySchema, known) : fc.constant(undefined);
  // The document's own examples are valid bodies too (and reach deeper than generated ones can).
  const validBody = examples.length ? fc.oneof(generated, fc.constantFrom(...examples)) : generated;
  const body = fc.oneof(
    { weight: BODY_MUTATIONS.length, arbitrary: validBody.map((b) => ({ body: b, mutation: 'none' })) },
    ...(bodySchema
      ? BODY_MUTATIONS.map(([name, mutate]) => ({
          weight: 1,
          arbitrary: fc.tuple(validBody, mutate).map(([b, apply]) => ({ body: apply(b), mutation: name })),
        }))
      : []),
  );
  return fc.tuple(fc.record(params), body).map(([values, { body, mutation }]) => {
    const query: Record<string, string> = {};
    const headers: Record<string, string> = {};
    let path = op.path;
    for (const p of op.parameters) {
      const value = values[`${p.in}:${p.name}`];
      if (value === undefined) continue;
      if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeSegment(value));
      else if (p.in === 'query') query[p.name] = value;
      else headers[p.name] = value;
    }
    return { method: op.method, path, query, headers, body, mutation };
  });
}
