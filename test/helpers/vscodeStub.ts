import Module from 'node:module';
import { CancellationTokenSource, Emitter } from 'vscode-jsonrpc/node';

/**
 * Just enough of the `vscode` module for vscode-languageclient's own code to run in a plain Node test:
 * what it touches while it loads, and what its diagnostic pull (lib/common/diagnostic.js) uses. Whatever
 * else is asked for is a no-op that returns a disposable, so event subscriptions work and do nothing.
 */
export interface VscodeStub {
  /** What the client's diagnostic collections hold, by URI. */
  collections: Map<string, unknown[]>;
}

export class CancellationError extends Error {
  constructor() {
    super('Canceled');
    this.name = 'Canceled';
  }
}

class Uri {
  private constructor(private readonly value: string) {}
  static parse(value: string): Uri {
    return new Uri(value);
  }
  toString(): string {
    return this.value;
  }
}

const disposable = { dispose() {} };

/** A function that returns a disposable and, as an object, has every property such a function (nested namespaces, events). */
function anything(): unknown {
  const target = function () {
    return disposable;
  };
  return new Proxy(target, {
    get: (fn, key) => (key === 'dispose' ? () => undefined : key === 'then' ? undefined : key in fn ? (fn as unknown as Record<PropertyKey, unknown>)[key] : anything()),
    construct: () => ({ dispose() {} }),
  });
}

let installed: VscodeStub | undefined;

/** Makes `require('vscode')` return the stub, from now on in this process. */
export function installVscodeStub(): VscodeStub {
  if (installed) return installed;
  const stub: VscodeStub = { collections: new Map() };
  const vscode = {
    CancellationError,
    CancellationTokenSource,
    EventEmitter: Emitter,
    Uri,
    Disposable: { from: () => disposable },
    languages: {
      match: () => 1,
      createDiagnosticCollection: () => ({
        set: (uri: Uri, items: unknown[]) => stub.collections.set(uri.toString(), items),
        delete: (uri: Uri) => stub.collections.delete(uri.toString()),
        dispose() {},
      }),
    },
    window: { activeTextEditor: undefined, onDidChangeActiveTextEditor: () => disposable },
    workspace: { textDocuments: [], notebookDocuments: [] },
  };
  const modules = new Proxy(vscode as Record<PropertyKey, unknown>, { get: (target, key) => (key in target ? target[key] : anything()) });
  const id = '\0vscode-stub';
  const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string; _cache: Record<string, unknown> };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? id : resolve.call(this, request, ...rest);
  };
  loader._cache[id] = { id, filename: id, loaded: true, exports: modules, children: [], paths: [] };
  installed = stub;
  return stub;
}
