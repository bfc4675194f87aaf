import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { hasUnsafeCharacter, UNSAFE_TEXT_RULE, ValidationFailed, type FieldError } from '@app/shared-kernel';
import type { HttpRequest } from '../http-request';

/**
 * Path and query parameters are ids, dates, codes and numbers: none holds a
 * control character (PostgreSQL cannot even store U+0000) or a bidirectional
 * formatting character. A guard, because guards run before the idempotency
 * interceptor, the pipes and every handler, and, unlike a middleware, after
 * routing, so the answer (400) names the parameter. It runs after the
 * AuthGuard: an anonymous caller still gets 401 first.
 */
@Injectable()
export class ParameterTextGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const errors: FieldError[] = [...problems(request.params), ...problems(request.query)];
    if (errors.length > 0) throw new ValidationFailed(errors);
    return true;
  }
}

function problems(parameters: Record<string, unknown> | undefined): FieldError[] {
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(parameters ?? {})) {
    const badName = hasUnsafeCharacter(name);
    const badValue = [value].flat().some((v) => typeof v === 'string' && hasUnsafeCharacter(v));
    if (badName || badValue)
      errors.push({ field: badName ? '(a parameter name)' : name.slice(0, 100), message: UNSAFE_TEXT_RULE });
  }
  return errors;
}
