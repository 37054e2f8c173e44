/**
 * Shares one computation between requests that ask the same question at the same time. A dashboard
 * that every user of a Pemda opens at the start of the day is evaluated once for all requests that
 * arrive while it is being evaluated, instead of once per request; a request that arrives after it
 * finished starts a fresh one, so an answer is never older than one evaluation.
 */
export class SingleFlight<T> {
  private readonly inflight = new Map<string, Promise<T>>();

  run(key: string, compute: () => Promise<T>): Promise<T> {
    let p = this.inflight.get(key);
    if (!p) {
      p = compute().finally(() => this.inflight.delete(key));
      this.inflight.set(key, p);
    }
    return p;
  }
}
