import { ConfigError, loadConfig } from './app-config';

describe('limits settings', () => {
  it('defaults to generous limits for real use', () => {
    expect(loadConfig({}).limits).toEqual({
      ratePerMinute: 600,
      rateBurst: 100,
      expensiveConcurrency: 2,
      expensiveQueue: 4,
    });
  });

  it('reads each setting; 0 or "off" turns a rate limit off', () => {
    const limits = loadConfig({
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_BURST: 'OFF',
      EXPENSIVE_CONCURRENCY: '3',
      EXPENSIVE_QUEUE: '0',
    }).limits;
    expect(limits).toEqual({
      ratePerMinute: null,
      rateBurst: null,
      expensiveConcurrency: 3,
      expensiveQueue: 0,
    });
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '1200' }).limits.ratePerMinute).toBe(1200);
  });

  it('stops on a bad value, naming the setting and the rule', () => {
    let error: unknown;
    try {
      loadConfig({
        RATE_LIMIT_PER_MINUTE: 'lots',
        RATE_LIMIT_BURST: '-1',
        EXPENSIVE_CONCURRENCY: '0',
        EXPENSIVE_QUEUE: '2.5',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'RATE_LIMIT_PER_MINUTE must be a whole number from 0 to 1000000, or "off", got "lots"',
      'RATE_LIMIT_BURST must be a whole number from 0 to 1000000, or "off", got "-1"',
      'EXPENSIVE_CONCURRENCY must be a whole number from 1 to 64, got "0"',
      'EXPENSIVE_QUEUE must be a whole number from 0 to 1000, got "2.5"',
    ]);
  });
});
