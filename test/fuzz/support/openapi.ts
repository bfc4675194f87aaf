import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The slice of OpenAPI 3.0 the fuzz suite reads. */
export type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
};

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
  enum?: unknown[];
}

export interface Response {
  description: string;
  content?: Record<string, { schema?: Schema }>;
}

export interface Operation {
  method: string;
  path: string;
  operationId?: string;
  summary?: string;
  tags?: string[];
  parameters: Parameter[];
  requestBody?: {
    required?: boolean;
    content: Record<string, { schema: Schema; examples?: Record<string, { value: unknown }> }>;
  };
  responses: Record<string, Response>;
  security?: unknown[];
  'x-roles'?: string[];
}

export interface OpenApiDocument {
  openapi: string;
  tags?: Array<{ name: string }>;
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
  components: { schemas: Record<string, Schema> };
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ ...op, parameters: op.parameters ?? [], method, path })),
  );
}

/** Follows `$ref`s into components (one level at a time, as generators walk). */
export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  let current = schema;
  while (current.$ref) current = doc.components.schemas[current.$ref.replace('#/components/schemas/', '')];
  return current;
}

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema: "this schema, or null"
 * (also where the schema is an `allOf` of a reference, as Nest writes a
 * nullable object), and every `$ref` pointed into one registered document.
 */
function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === '$ref' && typeof inner === 'string') out.$ref = `openapi${inner}`;
    else if (key === 'discriminator' || key === 'example') continue;
    else out[key] = key === 'properties' ? mapValues(inner as object) : toJsonSchema(inner);
  }
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

function mapValues(properties: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, toJsonSchema(v)]));
}

/** Validates response bodies against the document's schemas (ajv, formats included). */
export class ResponseValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: false });
  private readonly compiled = new Map<Schema, ValidateFunction>();

  constructor(doc: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'openapi', components: toJsonSchema(doc.components) });
  }

  /** null when the body matches, else ajv's first complaint. */
  check(schema: Schema, body: unknown): string | null {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as object);
      this.compiled.set(schema, validate);
    }
    if (validate(body)) return null;
    const [error] = validate.errors ?? [];
    return `${error?.instancePath || '/'} ${error?.message ?? 'invalid'}`;
  }
}
