import { randomBytes } from 'node:crypto';
import { RuleViolation } from '@app/shared-kernel';
import fc from 'fast-check';
import { isSealedEnvelope } from '../domain/common/sealed';
import { InMemoryPersonalDataKeyStore } from './personal-data-key-store';
import { PersonalDataVault, SealedDataUnreadable, isForgotten, parseMasterKey } from './personal-data-vault';

const person = {
  name: 'Kari Nordmann-Ŋuolggá',
  nationalId: '15038512345',
  bankAccount: '12345678903',
  email: 'kari@example.no',
  address: 'Storgata 1, 7010 Trondheim',
};

const newVault = (store = new InMemoryPersonalDataKeyStore(), key = randomBytes(32)) => ({
  store,
  key,
  vault: new PersonalDataVault(store, key),
});

describe('PersonalDataVault', () => {
  it('seals into a pii:v1 envelope and opens it again', async () => {
    const { vault } = newVault();
    const sealed = await vault.seal('u-1', person);
    expect(isSealedEnvelope(sealed)).toBe(true);
    await expect(vault.open('u-1', sealed)).resolves.toEqual(person);
  });

  it('round-trips any JSON object (property)', async () => {
    const { vault } = newVault();
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string(), fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.boolean())),
        async (data) => {
          await expect(vault.open('u-1', await vault.seal('u-1', data))).resolves.toEqual(data);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('never carries the plaintext: not in the envelope, not in its decoded bytes', async () => {
    const { vault } = newVault();
    const sealed = await vault.seal('u-1', person);
    const [, , iv, body] = sealed.split(':');
    const bytes = Buffer.concat([Buffer.from(iv, 'base64'), Buffer.from(body, 'base64')]);
    for (const value of Object.values(person)) {
      expect(sealed).not.toContain(value);
      expect(bytes.includes(Buffer.from(value, 'utf8'))).toBe(false);
      expect(sealed).not.toContain(Buffer.from(value, 'utf8').toString('base64').slice(0, 12));
    }
  });

  it('seals the same data differently each time (fresh nonce)', async () => {
    const { vault } = newVault();
    expect(await vault.seal('u-1', person)).not.toBe(await vault.seal('u-1', person));
  });

  it('refuses to open an envelope under another person id', async () => {
    const { vault } = newVault();
    const sealed = await vault.seal('u-1', person);
    await vault.seal('u-2', { name: 'Ola' });
    await expect(vault.open('u-2', sealed)).rejects.toThrow(SealedDataUnreadable);
  });

  it('refuses a wrapped key moved to another person', async () => {
    const { vault, store } = newVault();
    const sealed = await vault.seal('u-1', person);
    const stolen = await store.load('u-1');
    const other = new InMemoryPersonalDataKeyStore();
    await other.save('u-2', (stolen as { wrappedKey: string }).wrappedKey);
    const { vault: vault2 } = newVault(other);
    await expect(vault2.open('u-2', sealed)).rejects.toThrow(SealedDataUnreadable);
  });

  it('refuses tampered ciphertext and another master key', async () => {
    const { vault, store } = newVault();
    const sealed = await vault.seal('u-1', person);
    const flipped = sealed.slice(0, -3) + (sealed.at(-3) === 'A' ? 'B' : 'A') + sealed.slice(-2);
    await expect(vault.open('u-1', flipped)).rejects.toThrow(SealedDataUnreadable);
    await expect(new PersonalDataVault(store, randomBytes(32)).open('u-1', sealed)).rejects.toThrow(
      SealedDataUnreadable,
    );
    await expect(vault.open('u-1', 'Kari Nordmann')).rejects.toThrow(SealedDataUnreadable);
  });

  it('makes the data unreadable for good once the person is forgotten', async () => {
    const { vault } = newVault();
    const sealed = await vault.seal('u-1', person);
    const other = await vault.seal('u-2', { name: 'Ola' });
    await vault.forget('u-1');
    const opened = await vault.open('u-1', sealed);
    expect(opened).toEqual({ forgotten: true });
    expect(isForgotten(opened)).toBe(true);
    await expect(vault.open('u-2', other)).resolves.toEqual({ name: 'Ola' });
  });

  it('refuses to seal anything new for a forgotten person', async () => {
    const { vault } = newVault();
    await vault.seal('u-1', person);
    await vault.forget('u-1');
    await expect(vault.seal('u-1', person)).rejects.toThrow(RuleViolation);
    await vault.forget('u-never-sealed');
    await expect(vault.seal('u-never-sealed', person)).rejects.toMatchObject({
      rule: 'participant-forgotten',
    });
  });

  it('lets racing first seals for one person agree on one key', async () => {
    const { vault } = newVault();
    const [a, b] = await Promise.all([vault.seal('u-1', { n: 1 }), vault.seal('u-1', { n: 2 })]);
    await expect(vault.open('u-1', a)).resolves.toEqual({ n: 1 });
    await expect(vault.open('u-1', b)).resolves.toEqual({ n: 2 });
  });

  it('fails clearly when a key is missing rather than reporting the person forgotten', async () => {
    const { vault } = newVault();
    const sealed = await vault.seal('u-1', person);
    const { vault: empty } = newVault();
    await expect(empty.open('u-1', sealed)).rejects.toThrow(/no data key/);
  });

  it('opens many people at once with the answers and refusals open gives each', async () => {
    const { vault, store } = newVault();
    const kari = await vault.seal('u-1', person);
    const ola = await vault.seal('u-2', { name: 'Ola' });
    await vault.forget('u-2');
    await expect(vault.openMany(new Map([['u-1', kari]]))).resolves.toEqual(new Map([['u-1', person]]));
    await expect(
      vault.openMany(
        new Map([
          ['u-1', kari],
          ['u-2', ola],
        ]),
      ),
    ).resolves.toEqual(
      new Map<string, object>([
        ['u-1', person],
        ['u-2', { forgotten: true }],
      ]),
    );
    await expect(vault.openMany(new Map([['u-3', kari]]))).rejects.toThrow(/no data key/);
    await expect(
      new PersonalDataVault(store, randomBytes(32)).openMany(new Map([['u-1', kari]])),
    ).rejects.toThrow(SealedDataUnreadable);
    await expect(vault.openMany(new Map([['u-1', 'Kari Nordmann']]))).rejects.toThrow(SealedDataUnreadable);
  });

  it('stores the data key only wrapped', async () => {
    const { vault, store } = newVault();
    await vault.seal('u-1', person);
    expect(await store.load('u-1')).toEqual({
      state: 'active',
      wrappedKey: expect.stringMatching(/^dk:v1:[^:]+:[^:]+$/),
    });
  });

  it('needs a 32-byte master key', () => {
    expect(() => new PersonalDataVault(new InMemoryPersonalDataKeyStore(), randomBytes(16))).toThrow(
      RangeError,
    );
  });
});

describe('parseMasterKey', () => {
  it('reads 32 bytes from base64 or hex', () => {
    const key = randomBytes(32);
    expect(parseMasterKey(key.toString('base64'))).toEqual(key);
    expect(parseMasterKey(`${key.toString('hex')}\n`)).toEqual(key);
  });

  it('refuses anything else', () => {
    expect(() => parseMasterKey(randomBytes(16).toString('base64'))).toThrow(/PII_MASTER_KEY/);
    expect(() => parseMasterKey('not a key at all, not a key at all, not a k!')).toThrow(/PII_MASTER_KEY/);
    expect(() => parseMasterKey('')).toThrow(/PII_MASTER_KEY/);
  });
});
