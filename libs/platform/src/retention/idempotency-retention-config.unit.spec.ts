import { ConfigError, loadConfig } from '../config/app-config';

describe('IDEMPOTENCY_RETENTION_HOURS', () => {
  it('defaults to 24 hours and takes a fraction of an hour', () => {
    expect(loadConfig({}).idempotencyRetentionHours).toBe(24);
    expect(loadConfig({ IDEMPOTENCY_RETENTION_HOURS: '0.5' }).idempotencyRetentionHours).toBe(0.5);
  });

  it.each(['0', '-1', 'forever', '8761'])('refuses %j, naming the setting', (value) => {
    expect(() => loadConfig({ IDEMPOTENCY_RETENTION_HOURS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ IDEMPOTENCY_RETENTION_HOURS: value })).toThrow(/IDEMPOTENCY_RETENTION_HOURS/);
  });
});
