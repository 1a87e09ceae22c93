import { ts } from '@ts-morph/common';
import { calledName, calleeName } from '../analysis/wrapperCandidates';
import { programPath } from './programHost';

/** What the closure needs from the program host: parses without a program, and module resolution. */
export interface ClosureHost {
  /** The file parsed (once, kept for the program build), or undefined when it cannot be read. */
  parse(fileName: string): ts.SourceFile | undefined;
  /** The workspace file an import names, or undefined for a package's, an unresolved or a filtered one. */
  resolveImport(specifier: ts.StringLiteralLike, containingFile: ts.SourceFile): string | undefined;
}

/**
 * The workspace files the analytics calls of `roots` depend on, found without a type checker: every
 * name the calls mention (callee and arguments), the declarations of those names in the same file (by
 * name, in any scope — an over-approximation), the names those declarations mention, and through
 * imports the declarations other files export under the imported names, and so on. A file none of
 * that reaches cannot change a call's resolved names or property types, so it need not be parsed,
 * bound or checked: in real apps most imports of a file that tracks are its UI and data code.
 *
 * Conservative where syntax cannot tell: a namespace, side-effect, dynamic or CommonJS import needs
 * the whole module; a parameter without a type needs the statement around its function (its
 * contextual type); `this` needs the whole class. Packages (node_modules) are not followed here:
 * the compiler loads them as usual.
 */
export function importClosure(host: ClosureHost, roots: Iterable<string>, callNames: Set<string>, checkedFiles: ReadonlySet<string> = new Set()): ImportClosure {
  return new ClosureWalk(host, callNames, checkedFiles).run(roots);
}

export interface ImportClosure {
  /** The files the program needs: the roots and what their calls depend on. */
  needed: Set<string>;
  /**
   * Files outside the check declaring functions the roots call by an imported name that is not (yet)
   * a known call name, and so on along such calls to {@link MAX_PROBE_DEPTH}: the team's wrappers may
   * be among them when one folder or file is checked. The caller looks for wrappers there and runs the
   * closure again with the names it finds. Files of the check are not probed: one defining a wrapper
   * names an SDK method or another wrapper, so it is a root already.
   */
  probed: Set<string>;
}

/** How far calls of imported functions are followed to look for wrappers outside the roots. */
const MAX_PROBE_DEPTH = 4;

interface FileIndex {
  sourceFile: ts.SourceFile;
  /** Every declaration in the file by its name, in any scope. */
  declarations: Map<string, ts.Node[]>;
  /** Imported local names: where from, and which export ('*' for the whole module). */
  imports: Map<string, { specifier: ts.StringLiteralLike; name: string }>;
  /** Exported names: a local name, or a name re-exported from another module. */
  exports: Map<string, { local: string } | { specifier: ts.StringLiteralLike; name: string } | { node: ts.Node }>;
  starExports: ts.StringLiteralLike[];
  /** `import './setup'`: run for its effects, which may declare globals. */
  sideEffectImports: ts.StringLiteralLike[];
  /** `export =` or CommonJS exports: any import of the file needs all of it. */
  exportsWhole: boolean;
}

class ClosureWalk {
  private readonly needed = new Set<string>();
  private readonly probed = new Set<string>();
  private readonly indexes = new Map<string, FileIndex | undefined>();
  private readonly walked = new Set<ts.Node>();
  private readonly wholeFiles = new Set<string>();
  /** (file, exported name) pairs asked for, with whether the file provides the name. */
  private readonly exportRequests = new Map<string, boolean>();
  /** Declarations reached and not walked yet, with the file each is in. */
  private readonly pendingWalks: [FileIndex, ts.Node][] = [];
  private draining = false;
  /** (file, name) pairs already followed to their declarations. */
  private readonly referenced = new Set<string>();

  constructor(
    private readonly host: ClosureHost,
    private readonly callNames: Set<string>,
    private readonly checkedFiles: ReadonlySet<string>,
  ) {}

  run(roots: Iterable<string>): ImportClosure {
    for (const root of roots) {
      const index = this.index(programPath(root));
      if (!index) continue;
      this.include(index);
      const { seeds, others } = this.callsOf(index.sourceFile);
      if (needsWholeFile(index.sourceFile)) this.requireWhole(index);
      else for (const call of seeds) this.walk(index, call);
      this.probe(index, others, 1);
    }
    return { needed: this.needed, probed: this.probed };
  }

  /**
   * The file's calls named like analytics calls (`seeds`), and the callees of the rest (`others`), among
   * which imported functions. A component's JSX element is a call of the component: its props are its arguments.
   */
  private callsOf(sourceFile: ts.SourceFile): { seeds: ts.Node[]; others: ts.Expression[] } {
    const seeds: ts.Node[] = [];
    const others: ts.Expression[] = [];
    const stack: ts.Node[] = [sourceFile];
    while (stack.length) {
      const node = stack.pop()!;
      const callee = ts.isCallExpression(node) ? node.expression : ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node) ? (node.tagName as ts.Expression) : undefined;
      if (callee) {
        const name = ts.isCallExpression(node) ? calledName(node) : calleeName(callee);
        if (name !== undefined && this.callNames.has(name)) seeds.push(node);
        else others.push(callee);
      }
      ts.forEachChild(node, (child) => {
        stack.push(child);
      });
    }
    return { seeds, others };
  }

  /** Records the files declaring the imported functions `callees` name, and theirs, to {@link MAX_PROBE_DEPTH}. */
  private probe(index: FileIndex, callees: ts.Expression[], depth: number): void {
    for (let callee of callees) {
      while (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee) || ts.isParenthesizedExpression(callee) || ts.isNonNullExpression(callee)) callee = callee.expression;
      const imported = ts.isIdentifier(callee) ? index.imports.get(callee.text) : undefined;
      if (!imported) continue;
      for (const file of this.declaringFiles(index, imported.specifier, imported.name, 0)) {
        if (this.probed.has(file) || this.checkedFiles.has(file)) continue;
        this.probed.add(file);
        const declaring = this.index(file);
        if (declaring && depth < MAX_PROBE_DEPTH) this.probe(declaring, this.callsOf(declaring.sourceFile).others, depth + 1);
      }
    }
  }

  /** The files that declare what a module exports as `name` (the module itself for '*'), through re-exports. */
  private declaringFiles(from: FileIndex, specifier: ts.StringLiteralLike, name: string, hops: number): string[] {
    const target = this.host.resolveImport(specifier, from.sourceFile);
    const index = target === undefined || hops > MAX_PROBE_DEPTH ? undefined : this.index(target);
    if (!index) return [];
    const exported = index.exports.get(name);
    if (name === '*' || index.exportsWhole || (exported && !('specifier' in exported))) return [target!];
    if (exported && 'specifier' in exported) return this.declaringFiles(index, exported.specifier, exported.name, hops + 1);
    return index.starExports.flatMap((star) => this.declaringFiles(index, star, name, hops + 1));
  }

  /**
   * Follows every name `node` mentions to its declarations, in this file and through imports. A declaration
   * reached is queued, not walked at once: in real code one declaration leads to the next thousands of times
   * (a long file of consts), and walking each inside the one that mentions it overflowed the stack.
   */
  private walk(index: FileIndex, start: ts.Node): void {
    this.pendingWalks.push([index, start]);
    if (this.draining) return;
    this.draining = true;
    try {
      for (let next = this.pendingWalks.pop(); next; next = this.pendingWalks.pop()) this.walkNames(next[0], next[1]);
    } finally {
      this.draining = false;
    }
  }

  private walkNames(index: FileIndex, start: ts.Node): void {
    const stack: ts.Node[] = [start];
    while (stack.length) {
      const node = stack.pop()!;
      if (ts.isIdentifier(node)) {
        if (isReference(node)) this.reference(index, node.text);
        continue;
      }
      if (node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.SuperKeyword || node.kind === ts.SyntaxKind.ThisType) {
        const owner = ts.findAncestor(node, (n) => ts.isClassLike(n) || ts.isInterfaceDeclaration(n) || ts.isObjectLiteralExpression(n));
        if (owner && this.markWalked(owner)) stack.push(owner);
      } else if (ts.isImportTypeNode(node)) {
        const argument = node.argument;
        if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) this.requireModule(index, argument.literal, '*');
      } else if (ts.isCallExpression(node) && isModuleCall(node)) {
        const [specifier] = node.arguments;
        if (specifier && ts.isStringLiteralLike(specifier)) this.requireModule(index, specifier, '*');
      }
      ts.forEachChild(node, (child) => {
        stack.push(child);
      });
    }
  }

  private reference(index: FileIndex, name: string): void {
    // A file's index is not scoped: every declaration of the name in the file is followed at its first
    // mention, so later mentions add nothing (and re-listing them made large files quadratic).
    const key = `${index.sourceFile.fileName}\0${name}`;
    if (this.referenced.has(key)) return;
    this.referenced.add(key);
    const imported = index.imports.get(name);
    if (imported) this.requireModule(index, imported.specifier, imported.name);
    for (const declaration of index.declarations.get(name) ?? []) {
      for (const unit of walkUnits(declaration)) if (this.markWalked(unit)) this.walk(index, unit);
    }
  }

  private markWalked(node: ts.Node): boolean {
    if (this.walked.has(node)) return false;
    this.walked.add(node);
    return true;
  }

  private requireModule(from: FileIndex, specifier: ts.StringLiteralLike, name: string): void {
    const target = this.host.resolveImport(specifier, from.sourceFile);
    if (target === undefined) return;
    const index = this.index(target);
    if (!index) return;
    if (name === '*' || index.exportsWhole) {
      this.requireWhole(index);
      return;
    }
    this.requireExport(index, name);
  }

  /** Walks what `index` exports as `name`; true (and the file is needed) when it provides it. */
  private requireExport(index: FileIndex, name: string): boolean {
    const file = index.sourceFile.fileName;
    const key = `${file}\0${name}`;
    const known = this.exportRequests.get(key);
    if (known !== undefined) return known;
    // Cycles of re-exports end here: asked again while being answered, the answer is "not (yet)".
    this.exportRequests.set(key, false);
    let provides = false;
    const exported = index.exports.get(name);
    if (exported) {
      provides = true;
      this.include(index);
      if ('local' in exported) {
        this.reference(index, exported.local);
        if (!index.declarations.has(exported.local) && !index.imports.has(exported.local)) this.requireWhole(index);
      } else if ('node' in exported) {
        if (this.markWalked(exported.node)) this.walk(index, exported.node);
      } else {
        this.requireModule(index, exported.specifier, exported.name);
      }
    } else if (name !== 'default') {
      for (const specifier of index.starExports) {
        const target = this.host.resolveImport(specifier, index.sourceFile);
        const targetIndex = target === undefined ? undefined : this.index(target);
        if (!targetIndex) continue;
        if (targetIndex.exportsWhole) this.requireWhole(targetIndex);
        if (targetIndex.exportsWhole || this.requireExport(targetIndex, name)) provides = true;
      }
      if (provides) this.include(index);
    }
    this.exportRequests.set(key, provides);
    return provides;
  }

  private requireWhole(index: FileIndex): void {
    const file = index.sourceFile.fileName;
    if (this.wholeFiles.has(file)) return;
    this.wholeFiles.add(file);
    this.include(index);
    this.walk(index, index.sourceFile);
    for (const specifier of index.starExports) this.requireModule(index, specifier, '*');
  }

  /** The file is in the program: so are the modules it imports for their effects (they may declare globals). */
  private include(index: FileIndex): void {
    const file = index.sourceFile.fileName;
    if (this.needed.has(file)) return;
    this.needed.add(file);
    for (const specifier of index.sideEffectImports) this.requireModule(index, specifier, '*');
  }

  private index(fileName: string): FileIndex | undefined {
    if (this.indexes.has(fileName)) return this.indexes.get(fileName);
    const sourceFile = this.host.parse(fileName);
    const index = sourceFile ? indexFile(sourceFile) : undefined;
    this.indexes.set(fileName, index);
    return index;
  }
}

/** Files whose declarations act beyond their imports: global scripts and augmentations. */
function needsWholeFile(sourceFile: ts.SourceFile): boolean {
  return !ts.isExternalModule(sourceFile) || /\bdeclare\s+(global|module)\b/.test(sourceFile.text);
}

function isModuleCall(call: ts.CallExpression): boolean {
  if (call.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  return ts.isIdentifier(call.expression) && call.expression.text === 'require' && call.arguments.length === 1;
}

/** Whether an identifier names something in scope, rather than a member or the name being declared. */
function isReference(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (!parent) return true;
  if ((ts.isPropertyAccessExpression(parent) && parent.name === identifier) || (ts.isQualifiedName(parent) && parent.right === identifier)) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isMethodSignature(parent) || ts.isGetAccessor(parent) || ts.isSetAccessor(parent) || ts.isEnumMember(parent)) && parent.name === identifier) return false;
  if (ts.isJsxAttribute(parent) || ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === identifier) return false;
  return true;
}

/**
 * The nodes that decide a declared name's type: a variable's type and initializer (for a loop
 * variable, the loop's expression too), a parameter's type — or, without one, the statement its
 * function is written in, which gives its contextual type — and whole functions, classes and types.
 */
function walkUnits(declaration: ts.Node): ts.Node[] {
  if (ts.isVariableDeclaration(declaration)) {
    const units: ts.Node[] = [declaration];
    const statement = declaration.parent?.parent;
    if (statement && (ts.isForOfStatement(statement) || ts.isForInStatement(statement))) units.push(statement.expression);
    return units;
  }
  if (ts.isParameter(declaration)) {
    if (declaration.type) return [declaration];
    const fn = declaration.parent;
    if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isConstructorDeclaration(fn)) return [declaration];
    const statement = ts.findAncestor(fn, (n) => ts.isStatement(n) || ts.isClassElement(n) || ts.isSourceFile(n));
    return statement && !ts.isSourceFile(statement) ? [statement] : [declaration];
  }
  return [declaration];
}

/** The declaration a binding name belongs to: the whole variable or parameter for a destructured name. */
function declarationOf(name: ts.Node): ts.Node {
  let node = name.parent;
  while (node && (ts.isBindingElement(node) || ts.isObjectBindingPattern(node) || ts.isArrayBindingPattern(node))) node = node.parent;
  return node ?? name;
}

function indexFile(sourceFile: ts.SourceFile): FileIndex {
  const index: FileIndex = { sourceFile, declarations: new Map(), imports: new Map(), exports: new Map(), starExports: [], sideEffectImports: [], exportsWhole: false };
  const declare = (name: string, node: ts.Node) => {
    const list = index.declarations.get(name);
    if (list) list.push(node);
    else index.declarations.set(name, [node]);
  };
  const stack: ts.Node[] = [sourceFile];
  while (stack.length) {
    const node = stack.pop()!;
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      if (parent && (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent)) && parent.name === node) {
        declare(node.text, declarationOf(node));
      } else if (parent && isNamedDeclaration(parent) && (parent as ts.NamedDeclaration).name === node) {
        declare(node.text, parent);
      }
      continue;
    }
    if (ts.isImportDeclaration(node) && ts.isStringLiteralLike(node.moduleSpecifier)) {
      indexImport(index, node, node.moduleSpecifier);
      continue;
    }
    if (ts.isImportEqualsDeclaration(node)) {
      const reference = node.moduleReference;
      if (ts.isExternalModuleReference(reference) && ts.isStringLiteralLike(reference.expression)) index.imports.set(node.name.text, { specifier: reference.expression, name: '*' });
      else declare(node.name.text, node);
      continue;
    }
    if (node.parent === sourceFile) indexExport(index, node);
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  return index;
}

function isNamedDeclaration(node: ts.Node): boolean {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isEnumDeclaration(node) ||
    ts.isModuleDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isClassExpression(node)
  );
}

function indexImport(index: FileIndex, node: ts.ImportDeclaration, specifier: ts.StringLiteralLike): void {
  const clause = node.importClause;
  // `import './setup'` runs the module for its effects, which may include global declarations.
  if (!clause) {
    index.sideEffectImports.push(specifier);
    return;
  }
  if (clause.name) index.imports.set(clause.name.text, { specifier, name: 'default' });
  const bindings = clause.namedBindings;
  if (!bindings) return;
  if (ts.isNamespaceImport(bindings)) index.imports.set(bindings.name.text, { specifier, name: '*' });
  else for (const element of bindings.elements) index.imports.set(element.name.text, { specifier, name: (element.propertyName ?? element.name).text });
}

function indexExport(index: FileIndex, node: ts.Node): void {
  if (ts.isExportDeclaration(node)) {
    const specifier = node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier) ? node.moduleSpecifier : undefined;
    const clause = node.exportClause;
    if (!clause) {
      if (specifier) index.starExports.push(specifier);
    } else if (ts.isNamespaceExport(clause)) {
      if (specifier) index.exports.set(clause.name.text, { specifier, name: '*' });
    } else {
      for (const element of clause.elements) {
        const local = (element.propertyName ?? element.name).text;
        index.exports.set(element.name.text, specifier ? { specifier, name: local } : { local });
      }
    }
    return;
  }
  if (ts.isExportAssignment(node)) {
    if (node.isExportEquals) index.exportsWhole = true;
    else index.exports.set('default', { node: node.expression });
    return;
  }
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
    // CommonJS: `module.exports = …` / `exports.x = …` export through assignments.
    if (ts.isExpressionStatement(node) && /^\s*(module\.)?exports\b/.test(node.getText(index.sourceFile))) index.exportsWhole = true;
    return;
  }
  const isDefault = modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  if (ts.isVariableStatement(node)) {
    for (const declaration of node.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name)) index.exports.set(declaration.name.text, { local: declaration.name.text });
      else index.exports.set(`\0pattern:${declaration.pos}`, { node: declaration });
    }
    return;
  }
  const name = (node as ts.NamedDeclaration).name;
  if (isDefault) index.exports.set('default', { node });
  else if (name && ts.isIdentifier(name)) index.exports.set(name.text, { local: name.text });
}
