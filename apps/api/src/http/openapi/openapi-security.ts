import type { OpenAPIObject } from '@nestjs/swagger';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type Operation = {
  security?: Array<Record<string, string[]>>;
  responses?: Record<string, unknown>;
  description?: string;
  'x-roles'?: string[];
};

/**
 * Every operation is documented with its security: the document requires
 * the bearer token by default (`security: [{bearer: []}]`), @Public()
 * operations say `security: []`, protected ones list 401 and, with @Roles,
 * 403 and the roles (`x-roles`).
 */
export function documentSecurity(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      if (operation.security?.some((requirement) => Object.keys(requirement).length === 0)) {
        operation.security = [];
        continue;
      }
      const responses = (operation.responses ??= {});
      responses['401'] ??= {
        description:
          'No bearer token, or one that is malformed, expired or not signed by a trusted key (problem+json)',
      };
      const roles = operation['x-roles'];
      if (roles?.length) {
        responses['403'] ??= {
          description: `The caller has none of the roles ${roles.join(', ')} (problem+json)`,
        };
        operation.description = [operation.description, `Roles: ${roles.join(', ')}.`]
          .filter(Boolean)
          .join('\n\n');
      }
    }
  }
  return document;
}
