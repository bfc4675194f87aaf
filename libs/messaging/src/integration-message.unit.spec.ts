import { backoffDelay } from './backoff';
import {
  assertIntegrationMessage,
  integrationMessageId,
  TOPICS,
  type IntegrationMessage,
} from './integration-message';
import { keysInLockOrder } from './key-order-lock';

const valid: IntegrationMessage = {
  messageId: '0b6f8c39-4a53-5f0e-8d1c-6a0f4b7d2e11',
  topic: TOPICS.involvements,
  key: 'participant-1',
  type: 'InvolvementLogged',
  schemaVersion: 1,
  occurredAt: '2025-03-10T08:00:00.000Z',
  payload: { involvementId: 'i-1' },
};

describe('integration message envelope', () => {
  it('accepts a complete envelope', () => {
    expect(() => assertIntegrationMessage(valid)).not.toThrow();
  });

  it.each([
    ['messageId', { messageId: '' }],
    ['key', { key: undefined }],
    ['schemaVersion', { schemaVersion: 0 }],
    ['schemaVersion', { schemaVersion: 1.5 }],
    ['occurredAt', { occurredAt: 'yesterday' }],
    ['payload', { payload: [] }],
  ])('refuses a bad %s, naming it', (field, change) => {
    expect(() => assertIntegrationMessage({ ...valid, ...change })).toThrow(new RegExp(field));
  });

  it('derives the same message id from the same event and topic, another from another', () => {
    const id = integrationMessageId('event-1', TOPICS.involvements);
    expect(id).toBe(integrationMessageId('event-1', TOPICS.involvements));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(integrationMessageId('event-2', TOPICS.involvements)).not.toBe(id);
    expect(integrationMessageId('event-1', TOPICS.payoutBatches)).not.toBe(id);
  });
});

describe('relay and redelivery backoff', () => {
  it('doubles from the first delay up to the cap', () => {
    const options = { initialMs: 100, maxMs: 1000 };
    expect([0, 1, 2, 3, 4, 5, 60].map((n) => backoffDelay(n, options))).toEqual([
      0, 100, 200, 400, 800, 1000, 1000,
    ]);
  });
});

describe('key locks', () => {
  it('takes each (topic, key) once, in one fixed order whatever the batch order', () => {
    const batch = [
      { topic: 't', key: 'b' },
      { topic: 't', key: 'a' },
      { topic: 't', key: 'b' },
      { topic: 's', key: 'z' },
    ];
    expect(keysInLockOrder(batch)).toEqual([
      ['s', 'z'],
      ['t', 'a'],
      ['t', 'b'],
    ]);
    expect(keysInLockOrder([...batch].reverse())).toEqual(keysInLockOrder(batch));
  });
});
