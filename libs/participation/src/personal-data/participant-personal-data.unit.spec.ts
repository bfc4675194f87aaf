import { ValidationFailed } from '@app/shared-kernel';
import { parseParticipantPersonalData } from './participant-personal-data';

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailed);
    return (error as ValidationFailed).errors.map((e) => e.field);
  }
  throw new Error('expected ValidationFailed');
};

describe('participant personal data', () => {
  it('normalises a valid person (Sami and Norwegian letters kept as written)', () => {
    expect(
      parseParticipantPersonalData({
        name: ' Máret Ánde Østbø ',
        bankAccount: '1234.56.78903',
        email: ' m@example.no ',
      }),
    ).toEqual({
      name: 'Máret Ánde Østbø',
      nationalId: null,
      bankAccount: '12345678903',
      email: 'm@example.no',
      address: null,
    });
  });

  it('names every invalid field', () => {
    expect(
      fieldsOf(() =>
        parseParticipantPersonalData({
          name: ' ',
          nationalId: '12345678901',
          bankAccount: '1234.56.78904',
          email: 'no-at',
        }),
      ),
    ).toEqual(['name', 'nationalId', 'bankAccount', 'email']);
    expect(fieldsOf(() => parseParticipantPersonalData({ name: 'Kari', address: 42 }))).toEqual(['address']);
  });
});

describe('participant personal data: lengths first, linear checks (issue 12, items 3 and 13)', () => {
  it.each([
    'Ola\nNordmann',
    'Ola\r\nNordmann',
    'Ola\tNordmann',
    '\u202Enamdron alO',
    'Ola\u0085',
    'Ola\u2028N',
  ])('a name with a control or bidirectional formatting character (%j) is refused', (name) => {
    expect(fieldsOf(() => parseParticipantPersonalData({ name }))).toEqual(['name']);
    expect(fieldsOf(() => parseParticipantPersonalData({ name: 'Ola', address: name }))).toEqual(['address']);
  });

  it('refuses the e-mail that once took 20 s, at once', () => {
    const started = Date.now();
    expect(
      fieldsOf(() => parseParticipantPersonalData({ name: 'Ola', email: 'a@' + '.'.repeat(150_000) + '@' })),
    ).toEqual(['email']);
    expect(
      fieldsOf(() => parseParticipantPersonalData({ name: 'Ola', email: 'a@' + '.'.repeat(200) + '@' })),
    ).toEqual(['email']);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it.each(['a@b.no', 'ola.nordmann+x@helse-midt.no', 'æøå@døme.no'])('accepts %s', (email) => {
    expect(parseParticipantPersonalData({ name: 'Ola', email }).email).toBe(email);
  });

  it.each(['a@b', '@b.no', 'a@.no', 'a@b.', 'a@@b.no', 'a b@c.no', 'a@b.no@c.no'])('refuses %s', (email) => {
    expect(fieldsOf(() => parseParticipantPersonalData({ name: 'Ola', email }))).toEqual(['email']);
  });
});
