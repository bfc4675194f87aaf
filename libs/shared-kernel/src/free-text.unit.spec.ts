import fc from 'fast-check';
import { RuleViolation } from './domain-error';
import {
  FREE_TEXT_NATIONAL_ID_RULE,
  containsNationalId,
  nationalIdPathIn,
  refuseNationalIdsInFreeText,
} from './free-text';
import { checkNationalId } from './national-id';

/** A valid number for a birth date, with check digits computed here, apart from the code under test. */
function numberFor(ddmmyy: string): string {
  const check = (weights: number[], ds: number[]) => {
    const r = 11 - (ds.reduce((sum, d, i) => sum + d * weights[i], 0) % 11);
    return r === 11 ? 0 : r;
  };
  for (let n = 100; n < 1000; n += 1) {
    const base = `${ddmmyy}${n}`.split('').map(Number);
    const k1 = check([3, 7, 6, 1, 8, 9, 4, 5, 2], base);
    if (k1 === 10) continue;
    const k2 = check([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], [...base, k1]);
    if (k2 === 10) continue;
    return `${base.join('')}${k1}${k2}`;
  }
  throw new Error(`no number for ${ddmmyy}`);
}

const id = numberFor('150765');
const failingChecksum = id.slice(0, 10) + ((Number(id[10]) + 1) % 10);

describe('containsNationalId', () => {
  it.each([
    ['alone', id],
    ['in a sentence', `Møte med ${id} om reiser`],
    ['after letters', `fnr${id}.`],
    ['with a space after the birth date', `${id.slice(0, 6)} ${id.slice(6)}`],
    ['with a dot', `nr. ${id.slice(0, 6)}.${id.slice(6)}`],
    ['with a dash', `(${id.slice(0, 6)}-${id.slice(6)})`],
    ['with a non-breaking space', `${id.slice(0, 6)}\u00a0${id.slice(6)}`],
    ['a D-number', numberFor('550385')],
  ])('finds a valid number %s', (_case, text) => {
    expect(containsNationalId(text)).toBe(true);
  });

  it.each([
    ['11 digits failing the checksum', failingChecksum],
    ['part of a longer number', `9${id}`],
    ['followed by a digit', `${id}0`],
    ['grouped otherwise', `${id.slice(0, 4)} ${id.slice(4)}`],
    ['two separators', `${id.slice(0, 6)}  ${id.slice(6)}`],
    ['a bank account', '1234.56.78903'],
    ['a date and a time', '2025-06-02T09:00:00.000Z'],
    ['no digits', 'Ny pasientreise-ordning'],
  ])('ignores %s', (_case, text) => {
    expect(containsNationalId(text)).toBe(false);
  });

  it('agrees with the validator on any 11 digits (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), fc.constantFrom('', 'a ', 'tema: '), (digits, prefix) => {
        expect(containsNationalId(`${prefix}${digits} slutt`)).toBe(checkNationalId(digits).valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('scans a megabyte of digits and separators in linear time', () => {
    const text = '123456 '.repeat(150_000) + '12345-'.repeat(30_000);
    const started = process.hrtime.bigint();
    expect(containsNationalId(text)).toBe(false);
    // Generous: a linear scan takes a few milliseconds; backtracking would take minutes.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2000);
  });
});

describe('refuseNationalIdsInFreeText', () => {
  it('names the field (and the path inside it), never the number', () => {
    let error: unknown;
    try {
      refuseNationalIdsInFreeText({
        topic: 'ok',
        expenses: [{ kind: 'other', description: 'fine' }, { description: `for ${id}` }],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleViolation);
    expect((error as RuleViolation).rule).toBe(FREE_TEXT_NATIONAL_ID_RULE);
    expect((error as RuleViolation).message).toContain('expenses[1].description');
    expect((error as RuleViolation).message).not.toContain(id);
  });

  it('passes text without one, and values that are not text', () => {
    expect(() =>
      refuseNationalIdsInFreeText({ topic: null, reason: failingChecksum, hours: { meeting: 2 } }),
    ).not.toThrow();
  });

  it('walks deeply nested input without overflowing the stack', () => {
    let nested: unknown = id;
    for (let i = 0; i < 100_000; i += 1) nested = [nested];
    expect(nationalIdPathIn(nested, 'x')).toMatch(/^x(\[0\])+$/);
  });
});
