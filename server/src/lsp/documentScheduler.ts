import type { Disposable, RuntimeEnvironment } from './runtime';

/**
 * Debounces work per document: a new request for a document replaces its pending one, so a burst of
 * keystrokes costs one validation. With a delay of 0 (tests) the work still runs on the next tick.
 */
export class DocumentScheduler {
  private readonly pending = new Map<string, { handle: Disposable; work: () => void }>();

  constructor(private readonly timer: RuntimeEnvironment['timer']) {}

  schedule(key: string, delay: number, work: () => void): void {
    this.pending.get(key)?.handle.dispose();
    const handle = this.timer.setTimeout(() => {
      this.pending.delete(key);
      work();
    }, delay);
    this.pending.set(key, { handle, work });
  }

  cancel(key: string): void {
    this.pending.get(key)?.handle.dispose();
    this.pending.delete(key);
  }

  /** Runs a document's pending work now instead of after its delay; nothing when none is pending. */
  flush(key: string): void {
    const pending = this.pending.get(key);
    if (!pending) return;
    this.cancel(key);
    pending.work();
  }

  dispose(): void {
    for (const { handle } of this.pending.values()) handle.dispose();
    this.pending.clear();
  }
}
