import { isAfterInstant, isIsoDate, isIsoInstant } from './calendar';
import { PARTICIPATION_RULES, refuse } from './rules';
import { isSealedEnvelope } from './sealed';

describe('calendar', () => {
  it('accepts only real calendar dates as YYYY-MM-DD', () => {
    expect(['2025-03-10', '2024-02-29'].every(isIsoDate)).toBe(true);
    expect(
      ['2025-02-29', '2025-13-01', '2025-3-10', '10.03.2025', '2025-03-10T00:00:00Z', 20250310].some(
        isIsoDate,
      ),
    ).toBe(false);
  });

  it('accepts instants only with an offset', () => {
    expect(
      ['2025-03-10T09:00:00Z', '2025-03-10T09:00Z', '2025-03-10T09:00:00.123+01:00'].every(isIsoInstant),
    ).toBe(true);
    expect(['2025-03-10T09:00:00', '2025-03-10', 'now', '2025-03-10T25:00:00Z'].some(isIsoInstant)).toBe(
      false,
    );
  });

  it('compares instants by the moment, not the text', () => {
    expect(isAfterInstant('2025-03-10T10:30:00+01:00', '2025-03-10T09:00:00Z')).toBe(true);
    expect(isAfterInstant('2025-03-10T09:30:00+01:00', '2025-03-10T09:00:00Z')).toBe(false);
  });
});

describe('rules', () => {
  it('uses stable kebab-case codes and states the rule in every refusal', () => {
    for (const code of Object.keys(PARTICIPATION_RULES)) expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    const error = refuse('involvement-in-future', 'occurredOn 2030-01-01');
    expect(error.rule).toBe('involvement-in-future');
    expect(error.message).toBe('An involvement cannot lie in the future: occurredOn 2030-01-01');
  });
});

describe('sealed envelope', () => {
  it('tells an envelope from plaintext', () => {
    expect(isSealedEnvelope('pii:v1:AAAAAAAAAAAAAAAA:c2VhbGVk')).toBe(true);
    expect(isSealedEnvelope('Kari Nordmann')).toBe(false);
    expect(isSealedEnvelope('pii:v1:short:c2VhbGVk')).toBe(false);
  });
});
