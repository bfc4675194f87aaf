import { AuthenticationFailed } from './authentication-failed';
import { bearerToken } from './bearer-token';
import { userFromClaims, UnusableClaims } from './claims';

describe('userFromClaims', () => {
  it('maps sub, name and roles', () => {
    expect(userFromClaims({ sub: 'kari', name: 'Kari Ŋuolja', roles: ['finance', 'admin'] })).toEqual({
      sub: 'kari',
      name: 'Kari Ŋuolja',
      roles: ['admin', 'finance'],
    });
  });

  it('ignores roles this API does not know, repeats, and non-strings', () => {
    expect(
      userFromClaims({ sub: 'u', roles: ['auditor', 'superuser', 'auditor', 7, null, 'Admin'] }).roles,
    ).toEqual(['auditor']);
  });

  it('gives no roles when the claim is missing or not an array', () => {
    expect(userFromClaims({ sub: 'u' }).roles).toEqual([]);
    expect(userFromClaims({ sub: 'u', roles: 'admin' }).roles).toEqual([]);
  });

  it('carries the participantId of a representative, and only of one', () => {
    expect(userFromClaims({ sub: 'r', roles: ['representative'], participantId: 'p-1' })).toEqual({
      sub: 'r',
      name: 'r',
      roles: ['representative'],
      participantId: 'p-1',
    });
    expect(userFromClaims({ sub: 'l', roles: ['project-lead'], participantId: 'p-1' })).not.toHaveProperty(
      'participantId',
    );
  });

  it.each([[undefined], [''], ['  '], [7], ['p'.repeat(101)], ['p-1\u202e']])(
    'refuses a representative whose participantId claim is unusable: %j',
    (participantId) => {
      expect(() => userFromClaims({ sub: 'r', roles: ['representative'], participantId })).toThrow(
        /participantId/,
      );
    },
  );

  it('names the caller by sub when the token has no usable name', () => {
    expect(userFromClaims({ sub: 'u-1' }).name).toBe('u-1');
    expect(userFromClaims({ sub: 'u-1', name: '  ' }).name).toBe('u-1');
    expect(userFromClaims({ sub: 'u-1', name: 42 }).name).toBe('u-1');
  });

  it.each([[{}], [{ sub: '' }], [{ sub: '   ' }], [{ sub: 12 }], [{ sub: 'x'.repeat(256) }]])(
    'refuses claims without a usable sub: %j',
    (claims) => {
      expect(() => userFromClaims(claims)).toThrow(UnusableClaims);
    },
  );
});

describe('bearerToken', () => {
  it('takes the token of a Bearer credential, whatever the scheme case', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer   a-b_c.d~e+f/g==')).toBe('a-b_c.d~e+f/g==');
  });

  it('answers a missing header with a plain Bearer challenge', () => {
    for (const header of [undefined, '', '  ']) {
      const error = catchError(() => bearerToken(header));
      expect(error).toBeInstanceOf(AuthenticationFailed);
      expect((error as AuthenticationFailed).challenge).toBe('Bearer realm="brukermedvirkning"');
    }
  });

  it.each(['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'Bearer a"b', 'Token abc'])(
    'refuses %s as invalid_token',
    (header) => {
      const error = catchError(() => bearerToken(header));
      expect(error).toBeInstanceOf(AuthenticationFailed);
      expect((error as AuthenticationFailed).challenge).toMatch(/error="invalid_token"/);
    },
  );
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
