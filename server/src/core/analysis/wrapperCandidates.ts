import { ts } from '@ts-morph/common';
import { generatedFunctionNames, isGeneratedClient } from './generated';
import { passThrough } from './passThrough';
import { skipOuter } from './syntax';
import { callableNames, isFunctionNode, type FunctionNode } from './wrapperNames';

/**
 * The cheap, syntax-only pre-filter of wrapper inference. Resolving what a call calls costs a type
 * check of the call, so it is only done for calls whose callee name could be a wrapper: the name of
 * a function that passes one of its parameters to a call that is, or may lead to, an analytics call.
 */

/** A named function and the calls in it that receive one of its parameters, by callee name. */
export interface HolderSummary {
  node: FunctionNode;
  names: string[];
  callees: Set<string>;
}

export interface FileSummary {
  generated: boolean;
  /** A generated client's functions (Typewriter's `orderCompleted`): not wrappers, but their calls are judged too. */
  generatedFunctions: string[];
  holders: HolderSummary[];
  /** `[alias, original]`: `import { trackEvent as te }`, `{ track: trackEvent }`, `const { track: send } = …`, `<Child onTrack={trackEvent} />`. */
  aliases: [string, string][];
}

const NODE_BUDGET = 64;
const MAX_FUNCTION_LEVELS = 4;
const MAX_ROUNDS = 6;
/** Nested destructuring followed in a parameter list, as deep as names are traced (`{ data: { event } }` is two). */
const MAX_PATTERN_LEVELS = 3;

// Source files are immutable and reused between programs while unchanged: an edit re-reads one file.
const summaries = new WeakMap<ts.SourceFile, FileSummary>();
const candidateCache = new WeakMap<ts.Program, Map<string, Set<string>>>();
/**
 * The name tests run on each file and their answers: between two keystrokes the names rarely change,
 * so only the edited file is searched again. A few tests per file (one per round) are remembered.
 */
const mentionCache = new WeakMap<ts.SourceFile, Map<string, boolean>>();

function mentionsAny(file: ts.SourceFile, test: RegExp): boolean {
  let answers = mentionCache.get(file);
  if (!answers) mentionCache.set(file, (answers = new Map()));
  let result = answers.get(test.source);
  if (result === undefined) {
    result = test.test(file.text);
    if (answers.size >= MAX_ROUNDS + 2) answers.clear();
    answers.set(test.source, result);
  }
  return result;
}

export function fileSummary(sourceFile: ts.SourceFile): FileSummary {
  let summary = summaries.get(sourceFile);
  if (!summary) {
    summary = summarize(sourceFile);
    summaries.set(sourceFile, summary);
  }
  return summary;
}

/** Files whose functions may be wrappers: the project's own code, not declarations, dependencies or generated clients. */
export function isWrapperSource(sourceFile: ts.SourceFile): boolean {
  return isOwnSource(sourceFile) && !isGeneratedClient(sourceFile.text);
}

/**
 * Names a wrapper may be called by, in the whole program: functions whose parameters reach a call named
 * like `seeds` (the SDK methods and the plan's callees), then functions reaching those, and so on
 * (chains), plus the names they are imported, exported or destructured as.
 */
export function candidateNames(program: ts.Program, seeds: string[]): Set<string> {
  const key = [...seeds].sort().join('\0');
  let byKey = candidateCache.get(program);
  if (!byKey) candidateCache.set(program, (byKey = new Map()));
  let names = byKey.get(key);
  if (!names) byKey.set(key, (names = candidateNamesAmong(program.getSourceFiles().filter(isOwnSource), seeds)));
  return names;
}

/**
 * {@link candidateNamesFrom} over the files that can matter: a file only holds a wrapper (or an alias of
 * one) if its text names a seed or a wrapper found so far, so only those files are summarised, round by round.
 * The functions of generated clients among the files are candidates too.
 */
export function candidateNamesAmong(files: ts.SourceFile[], seeds: Iterable<string>): Set<string> {
  // A generated client's functions are called by name like wrappers: their callers (and the team's functions
  // passing them a parameter) are found the same way.
  const generated = files.filter((f) => isGeneratedClient(f.text)).flatMap((f) => fileSummary(f).generatedFunctions);
  const seedList = [...seeds, ...generated];
  const summaries: FileSummary[] = [];
  let pending = files;
  let names = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS && pending.length; round++) {
    const test = namesTextTest([...seedList, ...names]);
    if (!test) break;
    const next: ts.SourceFile[] = [];
    let added = false;
    for (const file of pending) {
      if (!mentionsAny(file, test)) {
        next.push(file);
        continue;
      }
      const summary = fileSummary(file);
      if (summary.generated) continue;
      summaries.push(summary);
      added = true;
    }
    if (!added) break;
    pending = next;
    const before = names.size;
    names = candidateNamesFrom(summaries, seedList);
    if (names.size === before && round > 0) break;
  }
  for (const name of generated) names.add(name);
  return names;
}

/** The project's own source files, before their content is looked at: not declarations or dependencies. */
function isOwnSource(sourceFile: ts.SourceFile): boolean {
  return !sourceFile.isDeclarationFile && !/[\\/]node_modules[\\/]/.test(sourceFile.fileName);
}

/** {@link candidateNames} over the summaries of some files. */
export function candidateNamesFrom(files: FileSummary[], seeds: Iterable<string>): Set<string> {
  const known = new Set(seeds);
  const result = new Set<string>();
  let changed = true;
  for (let round = 0; changed && round < MAX_ROUNDS; round++) {
    changed = false;
    for (const file of files) {
      for (const holder of file.holders) {
        if (holder.names.every((n) => result.has(n))) continue;
        for (const callee of holder.callees) {
          if (!known.has(callee) && !result.has(callee)) continue;
          for (const name of holder.names) result.add(name);
          changed = true;
          break;
        }
      }
      for (const [alias, original] of file.aliases) {
        if (result.has(original) && !result.has(alias)) {
          result.add(alias);
          changed = true;
        }
      }
    }
  }
  return result;
}

/** The names wrapper chains start from: the SDK's methods and the last segment of each declared callee. */
export function seedNames(callees: { callee: string }[]): Set<string> {
  return new Set(['track', 'identify', 'page', 'screen', 'group', 'alias', ...callees.map((c) => c.callee.split('.').pop()!)]);
}

/** A text test for any of the names as a whole identifier; undefined when there are none. */
export function namesTextTest(names: Iterable<string>): RegExp | undefined {
  const identifiers = [...names].filter((n) => /^[\w$]+$/.test(n));
  return identifiers.length ? new RegExp(`(?<![\\w$])(?:${identifiers.map((n) => n.replace(/\$/g, '\\$')).join('|')})(?![\\w$])`) : undefined;
}

/** The functions of a file that may be wrappers, given the program's candidate names. */
export function candidateFunctions(sourceFile: ts.SourceFile, seeds: Set<string>, candidates: Set<string>): FunctionNode[] {
  if (!isWrapperSource(sourceFile)) return [];
  return fileSummary(sourceFile)
    .holders.filter((h) => [...h.callees].some((c) => seeds.has(c) || candidates.has(c)))
    .map((h) => h.node);
}

/** The name a call calls by: `trackEvent` for `trackEvent(…)`, `trackEvent.call(this, …)` and `runOnJS(trackEvent)(…)`. */
export function calledName(node: ts.CallExpression): string | undefined {
  return calleeName(passThrough(node)?.target ?? node.expression);
}

/** The last name of a called expression: `track` for `this.analyticsService.track(…)`, `trackEvent` for `trackEvent(…)`. */
export function calleeName(expression: ts.Expression): string | undefined {
  let node = expression;
  while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node)) node = node.expression;
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) {
    const argument = node.argumentExpression;
    return ts.isStringLiteralLike(argument) ? argument.text : undefined;
  }
  return undefined;
}

const parameterNameCache = new WeakMap<FunctionNode, Set<string>>();

/** Whether an expression mentions (syntactically) a parameter of `fn` or a variable derived from one: a cheap first test. */
export function mentionsParameter(expression: ts.Node, fn: FunctionNode): boolean {
  let names = parameterNameCache.get(fn);
  if (!names) parameterNameCache.set(fn, (names = parameterNames(fn)));
  return names.size > 0 && mentions(expression, names);
}

/** A function being walked: the names its parameters (and variables derived from them) bind. */
interface Scope {
  fn: FunctionNode;
  names: Set<string>;
  /** null: an anonymous function (a callback), which no code can call by name. */
  holder?: HolderSummary | null;
}

const EXIT = Symbol('exit');

/** One walk of the file in source order, with the stack of enclosing functions. */
function summarize(sourceFile: ts.SourceFile): FileSummary {
  if (isGeneratedClient(sourceFile.text)) return { generated: true, generatedFunctions: generatedFunctionNames(sourceFile), holders: [], aliases: [] };
  const holders: HolderSummary[] = [];
  const aliases: [string, string][] = [];
  const scopes: Scope[] = [];
  const stack: (ts.Node | typeof EXIT)[] = [sourceFile];
  const children: ts.Node[] = [];
  const collect = (child: ts.Node) => {
    children.push(child);
  };
  while (stack.length) {
    const item = stack.pop()!;
    if (item === EXIT) {
      scopes.pop();
      continue;
    }
    const node = item;
    if (isFunctionNode(node)) {
      scopes.push({ fn: node, names: plainParameterNames(node) });
      stack.push(EXIT);
    } else if (ts.isCallExpression(node)) {
      recordCall(node, scopes, holders);
    } else if (ts.isVariableDeclaration(node)) {
      // `const full = PREFIX + name`: a variable derived from a parameter counts as one.
      const scope = scopes[scopes.length - 1];
      if (scope && scope.names.size && node.initializer && mentions(node.initializer, scope.names)) addBoundNames(node.name, scope.names);
      collectAlias(node, aliases);
    } else collectAlias(node, aliases);
    children.length = 0;
    ts.forEachChild(node, collect);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return { generated: false, generatedFunctions: [], holders, aliases };
}

function recordCall(node: ts.CallExpression, scopes: Scope[], holders: HolderSummary[]): void {
  if (!node.arguments.length || !scopes.length) return;
  const callee = calledName(node);
  if (callee === undefined) return;
  for (let i = scopes.length - 1; i >= 0 && i >= scopes.length - MAX_FUNCTION_LEVELS; i--) {
    const scope = scopes[i];
    if (scope.names.size === 0 || !node.arguments.some((a) => mentions(a, scope.names))) continue;
    if (scope.holder === undefined) {
      const names = callableNames(scope.fn);
      scope.holder = names.length ? { node: scope.fn, names, callees: new Set() } : null;
      if (scope.holder) holders.push(scope.holder);
    }
    scope.holder?.callees.add(callee);
  }
}

function addBoundNames(name: ts.BindingName, names: Set<string>): void {
  if (ts.isIdentifier(name)) names.add(name.text);
  else if (ts.isObjectBindingPattern(name)) for (const element of name.elements) if (ts.isIdentifier(element.name)) names.add(element.name.text);
}

function collectAlias(node: ts.Node, aliases: [string, string][]): void {
  if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.initializer) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
    aliases.push([node.name.text, node.initializer.text]);
  } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
    // `const send = trackEvent`, and `const track = useTrack()`: what a hook returns, called by the variable's name.
    const initializer = skipOuter(node.initializer);
    const original = calleeName(ts.isCallExpression(initializer) ? initializer.expression : initializer);
    if (original !== undefined) aliases.push([node.name.text, original]);
  } else if ((ts.isBindingElement(node) || ts.isImportSpecifier(node) || ts.isExportSpecifier(node)) && node.propertyName && ts.isIdentifier(node.name)) {
    const original = node.propertyName;
    if (ts.isIdentifier(original) || ts.isStringLiteral(original)) aliases.push([node.name.text, original.text]);
  } else if (ts.isImportClause(node) && node.name) {
    aliases.push([node.name.text, 'default']);
  } else if (ts.isJsxAttribute(node) && ts.isIdentifier(node.name) && node.initializer && ts.isJsxExpression(node.initializer) && node.initializer.expression) {
    // `<Child onTrack={trackEvent} />`: the child calls it by the prop's name.
    const original = calleeName(node.initializer.expression);
    if (original !== undefined) aliases.push([node.name.text, original]);
  }
}

/** Names a function's parameters bind, through object destructuring (`{ data: { event }, ...props }`) and rest parameters. */
function plainParameterNames(fn: FunctionNode): Set<string> {
  const names = new Set<string>();
  const addPattern = (pattern: ts.ObjectBindingPattern, levels: number) => {
    for (const element of pattern.elements) {
      if (ts.isIdentifier(element.name)) names.add(element.name.text);
      else if (ts.isObjectBindingPattern(element.name) && levels < MAX_PATTERN_LEVELS) addPattern(element.name, levels + 1);
    }
  };
  for (const parameter of fn.parameters) {
    if (ts.isIdentifier(parameter.name)) {
      if (parameter.name.text !== 'this') names.add(parameter.name.text);
    } else if (ts.isObjectBindingPattern(parameter.name)) addPattern(parameter.name, 1);
  }
  return names;
}

/** The parameter names and the names of the function's own variables derived from them, in source order. */
function parameterNames(fn: FunctionNode): Set<string> {
  const names = plainParameterNames(fn);
  if (names.size === 0 || !fn.body || !ts.isBlock(fn.body)) return names;
  const stack: ts.Node[] = [fn.body];
  const children: ts.Node[] = [];
  const collect = (child: ts.Node) => {
    if (!isFunctionNode(child)) children.push(child);
  };
  while (stack.length) {
    const node = stack.pop()!;
    if (ts.isVariableDeclaration(node) && node.initializer && mentions(node.initializer, names)) addBoundNames(node.name, names);
    children.length = 0;
    ts.forEachChild(node, collect);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return names;
}

/** Whether an argument mentions one of `names`, without looking into nested functions; small budget. */
function mentions(argument: ts.Node, names: Set<string>): boolean {
  if (ts.isIdentifier(argument)) return names.has(argument.text);
  if (isFunctionNode(argument) || ts.isLiteralExpression(argument)) return false;
  const stack: ts.Node[] = [argument];
  let budget = NODE_BUDGET;
  let found = false;
  const visit = (child: ts.Node) => {
    if (ts.isIdentifier(child)) found ||= names.has(child.text);
    else if (!isFunctionNode(child)) stack.push(child);
  };
  while (stack.length && !found && budget-- > 0) ts.forEachChild(stack.pop()!, visit);
  return found;
}
