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

/** process.memoryUsage() after a full collection: `global.gc` is exposed at run time, so this works under plain `tsx --test` too. */
export async function settledMemory(): Promise<{ heapUsed: number; rss: number }> {
  const { setFlagsFromString } = await import('node:v8');
  const { runInNewContext } = await import('node:vm');
  setFlagsFromString('--expose-gc');
  const gc = (globalThis as { gc?: () => void }).gc ?? (runInNewContext('gc') as () => void);
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}
