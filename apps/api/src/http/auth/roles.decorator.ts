import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiSecurity } from '@nestjs/swagger';
import type { Role } from './auth-user';

export const ROLES_KEY = 'auth:roles';
export const PUBLIC_KEY = 'auth:public';

/**
 * Which roles may call the endpoint (any of them); on a handler it overrides
 * the controller's. Finer checks (lead of this project) happen in the handler.
 * Also listed in the OpenAPI operation as `x-roles`.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', roles));

/**
 * No token needed (health, metrics, docs); on a handler or a controller. The
 * OpenAPI operation gets `security: []`. Without it every route needs a valid
 * bearer token, whether or not it names roles.
 */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiSecurity({}));
