/** A sleep that can be cut short: wake() ends every pending wait (new work arrived, or shutting down). */
export class Pause {
  private waiting = new Set<() => void>();

  for(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiting.add(done);
    });
  }

  wake(): void {
    for (const done of [...this.waiting]) done();
  }
}
