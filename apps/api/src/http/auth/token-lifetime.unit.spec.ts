import { tokenLifetimeProblem } from './token-lifetime';

describe('tokenLifetimeProblem', () => {
  const NOW = 1_750_000_000;
  const rules = { maxHours: 12, toleranceSeconds: 30 };
  const problem = (claims: { exp?: unknown; iat?: unknown }) => tokenLifetimeProblem(claims, NOW, rules);

  it('accepts exp within the cap, measured from iat', () => {
    expect(problem({ iat: NOW, exp: NOW + 3600 })).toBeUndefined();
    expect(problem({ iat: NOW - 11 * 3600, exp: NOW + 3600 })).toBeUndefined();
    expect(problem({ iat: NOW, exp: NOW + 12 * 3600 })).toBeUndefined();
  });

  it('requires a numeric exp and a numeric iat when present', () => {
    expect(problem({})).toMatch(/no expiry/);
    expect(problem({ exp: '9999999999' })).toMatch(/no expiry/);
    expect(problem({ exp: NOW + 60, iat: 'yesterday' })).toMatch(/iat.*not a number/);
  });

  it('refuses iat ahead of the clock by more than the tolerance', () => {
    expect(problem({ iat: NOW + 30, exp: NOW + 3600 })).toBeUndefined();
    expect(problem({ iat: NOW + 31, exp: NOW + 3600 })).toMatch(/issued in the future/);
  });

  it('caps exp - iat, and exp - now (with the tolerance) without iat', () => {
    expect(problem({ iat: NOW, exp: NOW + 12 * 3600 + 1 })).toMatch(/longer than 12 hours/);
    expect(problem({ exp: NOW + 12 * 3600 + 30 })).toBeUndefined();
    expect(problem({ exp: NOW + 12 * 3600 + 31 })).toMatch(/longer than 12 hours/);
  });
});
