import { ValidationFailed } from '@app/shared-kernel';
import { idempotentEventId, parseIdempotencyKey } from './idempotency-key';

describe('parseIdempotencyKey', () => {
  it('is absent when the header is', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it('takes a token of up to 64 characters, trimmed: UUIDs, ULIDs and readable keys pass', () => {
    expect(parseIdempotencyKey(' 4f0c0a1e-2b7d-4a59-9d3e-8c1f2a3b4c5d ')).toBe(
      '4f0c0a1e-2b7d-4a59-9d3e-8c1f2a3b4c5d',
    );
    expect(parseIdempotencyKey('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe('01ARZ3NDEKTSV4RRFFQ69G5FAV');
    expect(parseIdempotencyKey('k'.repeat(64))).toHaveLength(64);
    expect(parseIdempotencyKey('draft-1')).toBe('draft-1');
    expect(parseIdempotencyKey('repeat_involvement.v1:2~x')).toBe('repeat_involvement.v1:2~x');
  });

  it.each([
    ['k'.repeat(65), /at most 64/],
    ['', /empty/],
    ['   ', /empty/],
    ['nøkkel', /only letters/],
    ['a\tb', /only letters/],
    ['retry 2 of "log"', /only letters/],
    ['Kari Nordmann, 15076500565', /only letters/],
  ])('refuses %j with a 400 naming the header and the rule', (header, message) => {
    let error: unknown;
    try {
      parseIdempotencyKey(header);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).errors[0]).toEqual({
      field: 'Idempotency-Key',
      message: expect.stringMatching(message),
    });
  });
});

describe('idempotentEventId', () => {
  it('is the same UUID for the same caller, key and name, and differs otherwise', () => {
    const id = idempotentEventId('kari', 'key-1', 'LogInvolvement#0');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(idempotentEventId('kari', 'key-1', 'LogInvolvement#0')).toBe(id);
    expect(idempotentEventId('ola', 'key-1', 'LogInvolvement#0')).not.toBe(id);
    expect(idempotentEventId('kari', 'key-2', 'LogInvolvement#0')).not.toBe(id);
    expect(idempotentEventId('kari', 'key-1', 'LogInvolvement#1')).not.toBe(id);
  });
});
