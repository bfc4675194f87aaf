import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBankAccount, checkNationalId } from '@app/participation';
import { syntheticNationalId, testBankAccount } from '../../tools/demo/test-identities';

/** The README's ready-made test values and the demo's generators give what the API accepts. */
describe('test national ids and bank accounts', () => {
  it.each(['150765', '010190', '290204', '310582'])(
    'a synthetic national id for %s is valid and synthetic',
    (date) => {
      const id = syntheticNationalId(date);
      expect(checkNationalId(id)).toEqual({ valid: true, value: id, kind: 'fodselsnummer', synthetic: true });
    },
  );

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('test bank account %i has a valid check digit', (serial) => {
    const account = testBankAccount('1234', serial);
    expect(checkBankAccount(account)).toEqual({ valid: true, value: account });
  });

  it('every national id and account number the README offers is valid', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('### Test data'),
      readme.indexOf('\n## ', readme.indexOf('### Test data')),
    );
    const ids = [...section.matchAll(/national ids?: ([\d, `]+)/g)].flatMap(
      (m) => m[1].match(/\d{11}/g) ?? [],
    );
    const accounts = [...section.matchAll(/accounts?: ([\d, `]+)/g)].flatMap(
      (m) => m[1].match(/\d{11}/g) ?? [],
    );
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(accounts.length).toBeGreaterThanOrEqual(3);
    for (const id of ids) expect(checkNationalId(id)).toMatchObject({ valid: true, synthetic: true });
    for (const account of accounts) expect(checkBankAccount(account)).toMatchObject({ valid: true });
  });
});
