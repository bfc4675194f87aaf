import { PreconditionRequired, ValidationFailed } from '@app/shared-kernel';
import { etagOf, parseIfMatch, parseRequiredIfMatch } from './if-match';

describe('parseIfMatch', () => {
  it.each([
    ['"3"', 3],
    ['W/"3"', 3],
    ['7', 7],
    ['"0"', 0],
    [' "12" ', 12],
    ['"9007199254740991"', Number.MAX_SAFE_INTEGER],
  ])('reads %s as version %d', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it.each([[undefined], [''], ['*']])('expects no particular version for %j', (header) => {
    expect(parseIfMatch(header)).toBeUndefined();
  });

  it.each([
    '"abc"',
    '"3',
    '3"',
    '"-1"',
    '"1.5"',
    '"03"',
    'w/"3"',
    '"1", "2"',
    '"99999999999999999999"',
    'W/3',
  ])('refuses %s with a 400 naming the header', (header) => {
    let error: unknown;
    try {
      parseIfMatch(header);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).errors).toEqual([
      { field: 'If-Match', message: expect.stringContaining('"3"') },
    ]);
  });

  it('writes the version back as a strong entity tag', () => {
    expect(etagOf(4)).toBe('"4"');
    expect(parseIfMatch(etagOf(4))).toBe(4);
  });
});

describe('parseRequiredIfMatch', () => {
  it('reads a version like parseIfMatch', () => {
    expect(parseRequiredIfMatch('"3"')).toBe(3);
  });

  it.each([[undefined], [''], ['*']])('answers %j with 428 (PreconditionRequired)', (header) => {
    expect(() => parseRequiredIfMatch(header)).toThrow(PreconditionRequired);
  });

  it('still answers a malformed header with 400 naming it', () => {
    expect(() => parseRequiredIfMatch('"abc"')).toThrow(ValidationFailed);
  });
});
