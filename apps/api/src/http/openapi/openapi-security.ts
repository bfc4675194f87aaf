import type { OpenAPIObject } from '@nestjs/swagger';
import { problemResponse } from './problem-responses';

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type Operation = {
  security?: Array<Record<string, string[]>>;
  responses?: Record<string, unknown>;
  description?: string;
  tags?: string[];
  'x-roles'?: string[];
};

/** Every operation of the document, with its path and method. */
export function operationsOf(
  document: OpenAPIObject,
): Array<{ path: string; method: string; operation: Operation }> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = (item as Record<string, Operation | undefined>)[method];
      return operation ? [{ path, method, operation }] : [];
    }),
  );
}

/**
 * Every operation is documented with its security: the document requires
 * the bearer token by default (`security: [{bearer: []}]`), @Public()
 * operations say `security: []`, protected ones list 401 and, with @Roles,
 * 403 and the roles (`x-roles`), both as problem+json. Without @Roles they
 * list 403 too: a representative alone reaches only routes naming their role.
 */
export function documentSecurity(document: OpenAPIObject): OpenAPIObject {
  for (const { operation } of operationsOf(document)) {
    if (operation.security?.some((requirement) => Object.keys(requirement).length === 0)) {
      operation.security = [];
      continue;
    }
    const responses = (operation.responses ??= {});
    responses['401'] ??= problemResponse(
      401,
      'No bearer token, or one that is malformed, expired or not signed by a trusted key',
    );
    const roles = operation['x-roles'];
    if (!roles?.length)
      responses['403'] ??= problemResponse(
        403,
        'A representative may call only the endpoints that name the role representative',
      );
    if (roles?.length) {
      responses['403'] ??= problemResponse(403, `The caller has none of the roles ${roles.join(', ')}`);
      operation.description = [operation.description, `Roles: ${roles.join(', ')}.`]
        .filter(Boolean)
        .join('\n\n');
    }
  }
  return document;
}
