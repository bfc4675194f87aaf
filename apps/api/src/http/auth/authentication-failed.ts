import { HttpException, HttpStatus } from '@nestjs/common';

const REALM = 'brukermedvirkning';

/**
 * 401 with the RFC 6750 challenge the problem filter sends as
 * `WWW-Authenticate`: plain `Bearer` when no token came, `invalid_token` when
 * one came and was refused, with the reason as `error_description`.
 */
export class AuthenticationFailed extends HttpException {
  private constructor(
    detail: string,
    readonly challenge: string,
  ) {
    super(detail, HttpStatus.UNAUTHORIZED);
  }

  static missing(): AuthenticationFailed {
    return new AuthenticationFailed(
      'This endpoint needs a bearer token: send Authorization: Bearer <JWT>',
      `Bearer realm="${REALM}"`,
    );
  }

  /** `detail` reaches the client; it says what was wrong with the token, never anything about our keys. */
  static invalid(detail: string): AuthenticationFailed {
    return new AuthenticationFailed(
      detail,
      `Bearer realm="${REALM}", error="invalid_token", error_description="${descriptionOf(detail)}"`,
    );
  }
}

/** RFC 6750 §3: error_description is printable ASCII without `"` and `\`. */
function descriptionOf(detail: string): string {
  return detail.replace(/"/g, "'").replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, '?');
}

/** The challenge for any 401, including ones raised outside the auth guard. */
export function challengeOf(exception: unknown): string {
  return exception instanceof AuthenticationFailed ? exception.challenge : `Bearer realm="${REALM}"`;
}
