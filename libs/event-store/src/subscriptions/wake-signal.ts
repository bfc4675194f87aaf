/**
 * Lets readers sleep until something was appended (or a timeout passes).
 * A reader takes a ticket before it reads and waits with it, so an append that
 * lands between the read and the wait is not missed.
 */
export class WakeSignal {
  private generation = 0;
  private waiters: Array<() => void> = [];

  ticket(): number {
    return this.generation;
  }

  notify(): void {
    this.generation += 1;
    // A copy: each waiter removes itself from the list as it wakes.
    const waiters = [...this.waiters];
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }

  wait(timeoutMs: number, ticket = this.generation): Promise<void> {
    if (ticket !== this.generation) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const waiters = this.waiters;
      function done(): void {
        clearTimeout(timer);
        const i = waiters.indexOf(done);
        if (i >= 0) waiters.splice(i, 1);
        resolve();
      }
      this.waiters.push(done);
    });
  }
}
