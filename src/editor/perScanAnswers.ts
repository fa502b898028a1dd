// Answers computed on demand and kept for one scan: keyed by the scan's snapshot object (a re-comparison
// after an edit keeps it, a new scan replaces it, and the old answers go with it) and a key inside it.
// A second request while the first runs joins it. No vscode: unit-tested in plain Node.
export class PerScanAnswers<V> {
  private readonly done = new WeakMap<object, Map<string, V>>();
  private readonly running = new WeakMap<object, Map<string, Promise<V | undefined>>>();

  get(scan: object, key: string): V | undefined {
    return this.done.get(scan)?.get(key);
  }

  /** The kept answer, or the running request's, or `run()` once; an undefined answer (a failure) is not kept. */
  ask(scan: object, key: string, run: () => Promise<V | undefined>): Promise<V | undefined> {
    const kept = this.get(scan, key);
    if (kept !== undefined) return Promise.resolve(kept);
    const running = this.running.get(scan) ?? new Map<string, Promise<V | undefined>>();
    this.running.set(scan, running);
    let pending = running.get(key);
    if (!pending) {
      pending = run().then((answer) => {
        if (answer !== undefined) {
          const done = this.done.get(scan) ?? new Map<string, V>();
          this.done.set(scan, done.set(key, answer));
        }
        return answer;
      }).finally(() => running.delete(key));
      running.set(key, pending);
    }
    return pending;
  }
}
