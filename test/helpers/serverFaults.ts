import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Records what would crash or poison a real server process. The in-band test server shares this
 * process, so its uncaught exceptions and unhandled rejections land here; without these listeners
 * node would end the test run on the first one instead of reporting it with the fuzz seed.
 */
export function captureProcessFaults(): { faults: string[]; dispose(): void } {
  const faults: string[] = [];
  const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));
  const onException = (error: unknown) => faults.push(`uncaught exception: ${describe(error)}`);
  const onRejection = (reason: unknown) => faults.push(`unhandled rejection: ${describe(reason)}`);
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return {
    faults,
    dispose() {
      process.off('uncaughtException', onException);
      process.off('unhandledRejection', onRejection);
    },
  };
}

/** V8's full collection, exposed at run time, so this works under plain `tsx --test` too. */
export function fullCollection(): void {
  setFlagsFromString('--expose-gc');
  const gc = (globalThis as { gc?: () => void }).gc ?? (runInNewContext('gc') as () => void);
  gc();
}

/** process.memoryUsage() after full collections: what the process holds, not the garbage it has yet to collect. */
export async function settledMemory(): Promise<{ heapUsed: number; rss: number }> {
  for (let i = 0; i < 3; i++) {
    fullCollection();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}
