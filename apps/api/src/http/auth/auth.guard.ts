import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Forbidden } from '@app/shared-kernel';
import type { HttpRequest } from '../http-request';
import { isRepresentativeOnly, type Role } from './auth-user';
import { bearerToken } from './bearer-token';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { TokenVerifier } from './token-verifier';

/** Why a representative is refused a route that names no roles (docs/adr/0028). */
export const REPRESENTATIVE_RULE =
  'A representative may call only the endpoints that name the role representative: their own participant record, involvements, honorarium ledger, and their confirmation, dispute, waiver and feedback acknowledgement';

/**
 * The global guard. A route is public only when its handler or controller is
 * marked @Public() (the platform's /health and /metrics are marked at start,
 * see public-platform-routes.ts; Swagger's /docs are not Nest routes). Every
 * other route needs a verified bearer token (401), puts the caller on
 * `request.user`, and, when @Roles names roles, one of them (403). A route
 * without @Roles is for any caller but a representative alone (403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const user = await this.verifier.verify(bearerToken(request.headers.authorization));
    request.user = user;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (isRepresentativeOnly(user) && !allowed.includes('representative'))
      throw new Forbidden(REPRESENTATIVE_RULE);
    if (allowed.length > 0 && !allowed.some((role) => user.roles.includes(role)))
      throw new Forbidden(
        `This endpoint needs one of the roles ${allowed.join(', ')}; the caller has ${user.roles.length > 0 ? user.roles.join(', ') : 'none'}`,
      );
    return true;
  }
}
