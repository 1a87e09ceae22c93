import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type IOnigLib, type IRawGrammar } from 'vscode-textmate';

/**
 * Tokenizes source the way VS Code does: vscode-textmate with the oniguruma build VS Code ships
 * (vscode-oniguruma is pinned to the version VS Code bundles, so look-behind support matches), the
 * TypeScript/JavaScript grammars VS Code uses (microsoft/TypeScript-TmLanguage, via tm-grammars),
 * and our injection grammar registered for the scopes package.json injects it into.
 */

const root = path.resolve(__dirname, '../..');
export const INJECTION_GRAMMAR_PATH = path.join(root, 'syntaxes/tracklint.injection.tmLanguage.json');

/** The base grammars, by the scope name VS Code gives each language. */
const BASE_GRAMMARS = {
  'source.ts': 'typescript.json',
  'source.tsx': 'tsx.json',
  'source.js': 'javascript.json',
  'source.js.jsx': 'jsx.json',
} as const;

export type BaseScope = keyof typeof BASE_GRAMMARS;

export interface Token {
  text: string;
  /** Scope names from the outermost (the base grammar's root) to the innermost. */
  scopes: string[];
}

interface PackageManifest {
  contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] };
}

/** Read from package.json rather than repeated here, so the test exercises what the extension contributes. */
function contributedInjection(): { scopeName: string; injectTo: string[] } {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageManifest;
  const grammar = manifest.contributes.grammars.find((g) => path.resolve(root, g.path) === INJECTION_GRAMMAR_PATH);
  if (!grammar?.injectTo) throw new Error('package.json contributes no injection grammar at syntaxes/tracklint.injection.tmLanguage.json');
  return { scopeName: grammar.scopeName, injectTo: grammar.injectTo };
}

function readGrammar(file: string): IRawGrammar {
  return parseRawGrammar(readFileSync(file, 'utf8'), file);
}

const registries = new Map<boolean, Registry>();

/** `withInjection: false` gives VS Code's tokens without tracklint installed, to compare against. */
function registryFor(withInjection: boolean): Registry {
  let registry = registries.get(withInjection);
  if (!registry) {
    registry = createRegistry(withInjection);
    registries.set(withInjection, registry);
  }
  return registry;
}

let onigLib: Promise<IOnigLib> | undefined;

function loadOniguruma(): Promise<IOnigLib> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  return oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer).then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text: string) => new oniguruma.OnigString(text),
  }));
}

function createRegistry(withInjection: boolean): Registry {
  const injection = contributedInjection();
  onigLib ??= loadOniguruma();
  return new Registry({
    onigLib,
    loadGrammar: async (scopeName) => {
      if (scopeName === injection.scopeName) return readGrammar(INJECTION_GRAMMAR_PATH);
      const file = BASE_GRAMMARS[scopeName as BaseScope];
      return file ? readGrammar(require.resolve(`tm-grammars/grammars/${file}`)) : null;
    },
    getInjections: (scopeName) => (withInjection && injection.injectTo.includes(scopeName) ? [injection.scopeName] : undefined),
  });
}

async function grammarFor(scope: BaseScope, withInjection: boolean): Promise<IGrammar> {
  // The registry caches loaded grammars itself.
  const grammar = await registryFor(withInjection).loadGrammar(scope);
  if (!grammar) throw new Error(`no grammar for ${scope}`);
  return grammar;
}

export interface TokenizeOptions {
  /** Default true. False tokenizes as VS Code does without tracklint installed. */
  withInjection?: boolean;
}

/** Tokens of each line of `source`, carrying the rule stack across lines as an editor does. */
export async function tokenizeLines(source: string, scope: BaseScope, options: TokenizeOptions = {}): Promise<Token[][]> {
  const grammar = await grammarFor(scope, options.withInjection ?? true);
  let state = INITIAL;
  return source.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The tokens of a one-line snippet. */
export async function tokenizeLine(line: string, scope: BaseScope = 'source.ts', options: TokenizeOptions = {}): Promise<Token[]> {
  const [tokens] = await tokenizeLines(line, scope, options);
  return tokens;
}

/** The base scope a fixture file is tokenized with, from its name: `calls.ts.fixture` → source.ts. */
export function scopeForFixture(fileName: string): BaseScope {
  const language = /\.(ts|tsx|js|jsx)\.fixture$/.exec(fileName)?.[1];
  const scopes: Record<string, BaseScope> = { ts: 'source.ts', tsx: 'source.tsx', js: 'source.js', jsx: 'source.js.jsx' };
  const scope = scopes[language ?? ''];
  if (!scope) throw new Error(`${fileName}: fixture names end in .ts.fixture, .tsx.fixture, .js.fixture or .jsx.fixture`);
  return scope;
}
