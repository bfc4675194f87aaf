// What controllers use from the HTTP layer.
export {
  isRepresentativeOnly,
  representedParticipant,
  ROLES,
  type AuthUser,
  type Role,
} from './auth/auth-user';
export { Public, Roles } from './auth/roles.decorator';
export { CurrentUser } from './auth/current-user.decorator';
export { IdempotencyKey, idempotentEventId } from './idempotency/idempotency-key';
export { IfMatch, RequiredIfMatch, etagOf, setETag } from './preconditions/if-match';
export type { HttpRequest } from './http-request';
export { Expensive } from './limits/expensive.decorator';
