import type { Disposable, RuntimeEnvironment } from './runtime';

/**
 * Debounces work per document: a new request for a document replaces its pending one, so a burst of
 * keystrokes costs one validation. With a delay of 0 (tests) the work still runs on the next tick.
 */
export class DocumentScheduler {
  private readonly pending = new Map<string, Disposable>();

  constructor(private readonly timer: RuntimeEnvironment['timer']) {}

  schedule(key: string, delay: number, work: () => void): void {
    this.pending.get(key)?.dispose();
    const handle = this.timer.setTimeout(() => {
      this.pending.delete(key);
      work();
    }, delay);
    this.pending.set(key, handle);
  }

  cancel(key: string): void {
    this.pending.get(key)?.dispose();
    this.pending.delete(key);
  }

  dispose(): void {
    for (const handle of this.pending.values()) handle.dispose();
    this.pending.clear();
  }
}
