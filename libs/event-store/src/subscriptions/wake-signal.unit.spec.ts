import { WakeSignal } from './wake-signal';

describe('WakeSignal', () => {
  it('does not lose a notification that lands between taking a ticket and waiting', async () => {
    const signal = new WakeSignal();
    const ticket = signal.ticket();
    signal.notify();
    const started = Date.now();
    await signal.wait(5_000, ticket);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('wakes a waiter on notify and times out without one', async () => {
    const signal = new WakeSignal();
    const waiting = signal.wait(5_000);
    signal.notify();
    await waiting;
    const started = Date.now();
    await signal.wait(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('wakes every waiter, however many', async () => {
    const signal = new WakeSignal();
    const started = Date.now();
    const waiting = Promise.all(Array.from({ length: 5 }, () => signal.wait(5_000)));
    signal.notify();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
