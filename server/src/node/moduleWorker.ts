import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running `moduleFile` (a bundle, or a module that serves as a worker when loaded off
 * the main thread). From TypeScript sources (the tests run them) it first registers tsx's CommonJS hook:
 * a worker cannot start from a .ts file itself.
 */
export function startModuleWorker(moduleFile: string, options: WorkerOptions): Worker {
  if (!moduleFile.endsWith('.ts')) return new Worker(moduleFile, options);
  const code = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(moduleFile)});`;
  return new Worker(code, { ...options, eval: true });
}
