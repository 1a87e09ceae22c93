import { ts } from '@ts-morph/common';
import { skipOuter, staticPropertyName } from './syntax';
import { normalizeUnion, withLazyText, type ObjectShape, type ShapeEntry, type ValueType, type ValueTypeReader } from './valueType';

/**
 * Reads the properties an expression sends. Object literals are read element by element so that
 * every key and value keeps its node (for exact ranges) and its literal type (for value checks);
 * anything else (a variable, a parameter, a call result) is read from its type.
 */
export function readValue(expression: ts.Expression, checker: ts.TypeChecker, reader: ValueTypeReader): ValueType {
  const node = skipOuter(expression);
  const literal = literalValue(node);
  if (literal) return literal;
  const typeText = () => checker.typeToString(checker.getTypeAtLocation(node));
  if (ts.isObjectLiteralExpression(node)) {
    // The literal's own type needs the call's signature resolved; read its members instead, and print it only for a message.
    return withLazyText({ kind: 'object', text: '', shape: readObjectLiteral(node, checker, reader) }, typeText);
  }
  if (ts.isArrayLiteralExpression(node)) {
    if (node.elements.some(ts.isSpreadElement)) return reader.read(checker.getTypeAtLocation(node), node);
    const elements = node.elements.filter((e) => !ts.isOmittedExpression(e)).map((e) => readValue(e, checker, reader));
    const element: ValueType = elements.length ? normalizeUnion(elements, elements.map((e) => e.text).join(' | ')) : { kind: 'any', text: 'never' };
    return withLazyText({ kind: 'array', text: '', element }, typeText);
  }
  return reader.read(checker.getTypeAtLocation(node), node);
}

/**
 * Values whose type the syntax alone says: string, number, boolean and null literals, `undefined`.
 * Most properties are written this way, and asking the checker for them costs a signature resolution.
 */
function literalValue(node: ts.Expression): ValueType | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: 'string', text: `'${node.text}'`, literal: node.text };
  if (ts.isNumericLiteral(node)) return { kind: 'number', text: node.text, literal: Number(node.text) };
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    return { kind: 'number', text: `-${node.operand.text}`, literal: -Number(node.operand.text) };
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) return { kind: 'boolean', text: 'true', literal: true };
  if (node.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'boolean', text: 'false', literal: false };
  if (node.kind === ts.SyntaxKind.NullKeyword) return { kind: 'null', text: 'null' };
  if (ts.isIdentifier(node) && node.text === 'undefined') return { kind: 'undefined', text: 'undefined' };
  return undefined;
}

export function readObjectLiteral(node: ts.ObjectLiteralExpression, checker: ts.TypeChecker, reader: ValueTypeReader): ObjectShape {
  const entries = new Map<string, ShapeEntry>();
  let open = false;
  for (const element of node.properties) {
    if (ts.isPropertyAssignment(element)) {
      const key = staticKey(element.name, checker);
      if (key === undefined) {
        open = true;
        continue;
      }
      entries.set(key, { key, value: readValue(element.initializer, checker, reader), optional: false, keyNode: element.name, valueNode: element.initializer });
    } else if (ts.isShorthandPropertyAssignment(element)) {
      // The value symbol keeps a const's literal type, which the object literal's own type widens away.
      const symbol = checker.getShorthandAssignmentValueSymbol(element);
      const type = symbol ? checker.getTypeOfSymbolAtLocation(symbol, element) : checker.getTypeAtLocation(element.name);
      entries.set(element.name.text, { key: element.name.text, value: reader.read(type, element), optional: false, keyNode: element.name, valueNode: element.name });
    } else if (ts.isSpreadAssignment(element)) {
      const value = readValue(element.expression, checker, reader);
      const shapes = spreadShapes(value);
      if (!shapes) {
        open = true;
        continue;
      }
      for (const shape of shapes) {
        open ||= shape.open;
        for (const [key, entry] of shape.entries) {
          entries.set(key, { ...entry, keyNode: entry.keyNode ?? undefined, valueNode: entry.valueNode ?? element.expression });
        }
      }
    } else if (ts.isMethodDeclaration(element) || ts.isGetAccessorDeclaration(element)) {
      const key = staticKey(element.name, checker);
      if (key === undefined) {
        open = true;
        continue;
      }
      const symbol = checker.getSymbolAtLocation(element.name);
      const value = symbol ? reader.read(checker.getTypeOfSymbolAtLocation(symbol, element), element) : ({ kind: 'any', text: 'any' } as const);
      entries.set(key, { key, value, optional: false, keyNode: element.name, valueNode: element });
    }
  }
  return { entries, open };
}

/** The object shapes a spread contributes; undefined when nothing can be known (any, unknown). */
function spreadShapes(value: ValueType): ObjectShape[] | undefined {
  if (value.kind === 'object') return [value.shape];
  if (value.kind === 'null' || value.kind === 'undefined') return [];
  if (value.kind === 'union') {
    // `...(cond ? a : {})` or `...(x ?? {})`: every key of any member may be present, none for sure.
    const shapes: ObjectShape[] = [];
    for (const member of value.members) {
      const inner = spreadShapes(member);
      if (!inner) return undefined;
      shapes.push(...inner.map((s) => ({ open: s.open, entries: new Map([...s.entries].map(([k, e]) => [k, { ...e, optional: true }])) })));
    }
    return shapes;
  }
  return undefined;
}

function staticKey(name: ts.PropertyName, checker: ts.TypeChecker): string | undefined {
  const key = staticPropertyName(name);
  if (key !== undefined) return key;
  if (ts.isComputedPropertyName(name)) {
    const type = checker.getTypeAtLocation(name.expression);
    if (type.isStringLiteral()) return type.value;
    if (type.isNumberLiteral()) return String(type.value);
  }
  return undefined;
}
