import { SetMetadata } from '@nestjs/common';
import type { Role } from './auth-user';

export const ROLES_KEY = 'auth:roles';
export const PUBLIC_KEY = 'auth:public';

/** Which roles may call the endpoint (any of them). Finer checks (lead of this project) happen in the handler. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** No token needed (health, metrics, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
