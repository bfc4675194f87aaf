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
