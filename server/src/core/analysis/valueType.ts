import { ts } from '@ts-morph/common';

/**
 * What the type checker knows about a value sent as a property, reduced to what JSON Schema can judge.
 * Literal types are kept so enum, pattern and range checks can run on values known statically.
 */
export type ValueType =
  | { kind: 'any'; text: string }
  | { kind: 'string'; text: string; literal?: string }
  | { kind: 'number'; text: string; literal?: number }
  | { kind: 'boolean'; text: string; literal?: boolean }
  | { kind: 'null'; text: string }
  | { kind: 'undefined'; text: string }
  | { kind: 'date'; text: string }
  | { kind: 'array'; text: string; element: ValueType }
  | { kind: 'object'; text: string; shape: ObjectShape }
  | { kind: 'union'; text: string; members: ValueType[] }
  | { kind: 'other'; text: string };

/** The keys of an object value: from an object literal (with its nodes) or from an object type. */
export interface ObjectShape {
  entries: Map<string, ShapeEntry>;
  /** True when more keys may be present than listed (an index signature, a spread of `any`, a computed key). */
  open: boolean;
  /** Keys sent besides the listed ones, whose values are not known here (added by a wrapper): they satisfy `required`. */
  provided?: Set<string>;
}

export interface ShapeEntry {
  key: string;
  value: ValueType;
  /** Declared optional (`key?:`) in the type the value comes from. */
  optional: boolean;
  /** The key as written in the call's file, when it is written there. */
  keyNode?: ts.Node;
  /** The value as written in the call's file; for spread or typed variables, the expression that carries it. */
  valueNode?: ts.Node;
}

const MAX_DEPTH = 6;
/**
 * Types one read may convert. Depth alone does not bound the work: `window` (or `document.body`) has
 * hundreds of members that are object types with hundreds of members again, and six levels of that
 * exhausted the memory of the process. Plan-shaped values need a few dozen conversions; beyond the budget a value
 * is `any` and its object open, which no rule judges.
 */
const MAX_CONVERSIONS = 500;

export class ValueTypeReader {
  private readonly cache = new Map<ts.Type, ValueType>();
  /** Reads in progress (a read recurses through `read`), and what the outermost one may still convert. */
  private active = 0;
  private remaining = MAX_CONVERSIONS;

  constructor(private readonly checker: ts.TypeChecker) {}

  read(type: ts.Type, at: ts.Node, depth = 0): ValueType {
    const cached = this.cache.get(type);
    if (cached) return cached;
    if (this.active === 0) this.remaining = MAX_CONVERSIONS;
    this.active++;
    try {
      const result = this.convert(type, at, depth);
      // Deep conversions are cut short by MAX_DEPTH, so only cache what was read from the top.
      if (depth === 0) this.cache.set(type, result);
      return result;
    } finally {
      this.active--;
    }
  }

  typeText(type: ts.Type): string {
    return this.checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType);
  }

  private convert(type: ts.Type, at: ts.Node, depth: number): ValueType {
    // Printing a type is costly and only messages need it: print on first use.
    const result = this.convertWithText(type, at, depth, '');
    // Members reused from the cache already carry their own text.
    return Object.getOwnPropertyDescriptor(result, 'text')?.value === '' ? withLazyText(result, () => this.typeText(type)) : result;
  }

  private convertWithText(type: ts.Type, at: ts.Node, depth: number, text: string): ValueType {
    const flags = type.flags;
    if (depth > MAX_DEPTH || this.remaining-- <= 0) return { kind: 'any', text };
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { kind: 'any', text };
    if (type.isUnion()) return normalizeUnion(type.types.map((t) => this.read(t, at, depth)), text);
    if (type.isStringLiteral()) return { kind: 'string', text, literal: type.value };
    if (flags & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping)) return { kind: 'string', text };
    if (type.isNumberLiteral()) return { kind: 'number', text, literal: type.value };
    if (flags & (ts.TypeFlags.Number | ts.TypeFlags.Enum)) return { kind: 'number', text };
    if (flags & ts.TypeFlags.BooleanLiteral) {
      return { kind: 'boolean', text, literal: (type as { intrinsicName?: string }).intrinsicName === 'true' };
    }
    if (flags & ts.TypeFlags.Boolean) return { kind: 'boolean', text };
    if (flags & ts.TypeFlags.Null) return { kind: 'null', text };
    if (flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return { kind: 'undefined', text };
    if (flags & ts.TypeFlags.TypeParameter) {
      const constraint = this.checker.getBaseConstraintOfType(type);
      return constraint && constraint !== type ? this.read(constraint, at, depth) : { kind: 'any', text };
    }
    if (flags & (ts.TypeFlags.BigInt | ts.TypeFlags.BigIntLiteral | ts.TypeFlags.ESSymbolLike | ts.TypeFlags.Never)) {
      return { kind: 'other', text };
    }
    if (flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection | ts.TypeFlags.NonPrimitive)) {
      if (this.checker.isArrayType(type) || this.checker.isTupleType(type)) {
        const args = this.checker.getTypeArguments(type as ts.TypeReference);
        const members = args.map((a) => this.read(a, at, depth + 1));
        const element = members.length === 1 ? members[0] : members.length === 0 ? { kind: 'any' as const, text: 'unknown' } : normalizeUnion(members, members.map((m) => m.text).join(' | '));
        return { kind: 'array', text, element };
      }
      const symbolName = type.getSymbol()?.getName();
      if (symbolName === 'Date' && isFromDefaultLib(type.getSymbol())) return { kind: 'date', text };
      if (type.getCallSignatures().length > 0) return { kind: 'other', text };
      if (flags & ts.TypeFlags.NonPrimitive) return { kind: 'object', text, shape: { entries: new Map(), open: true } };
      return { kind: 'object', text, shape: this.shapeOfType(type, at, depth + 1) };
    }
    return { kind: 'other', text };
  }

  /** The keys of an object type, with their optionality, as the checker sees them. */
  shapeOfType(type: ts.Type, at: ts.Node, depth = 0, valueNode?: ts.Node): ObjectShape {
    const entries = new Map<string, ShapeEntry>();
    let open = false;
    for (const property of this.checker.getPropertiesOfType(type)) {
      // A symbol-keyed member (`[Symbol.toStringTag]`) is never serialised, and its internal name carries a per-program id.
      if (property.getName().startsWith('__@')) continue;
      // Out of budget: the keys not read are unknown, so the object is open (never reported as missing or extra).
      if (this.remaining <= 0) {
        open = true;
        break;
      }
      const propertyType = this.checker.getTypeOfSymbolAtLocation(property, at);
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      entries.set(property.getName(), {
        key: property.getName(),
        value: this.read(propertyType, at, depth),
        optional,
        valueNode,
      });
    }
    return { entries, open: open || this.checker.getIndexInfosOfType(type).length > 0 };
  }
}

function isFromDefaultLib(symbol: ts.Symbol | undefined): boolean {
  const declaration = symbol?.declarations?.[0];
  if (!declaration) return false;
  const fileName = declaration.getSourceFile().fileName;
  return /(^|[\\/])lib\.[\w.]*\.d\.ts$/.test(fileName);
}

/** Replaces a value's `text` by a getter that computes it once, when a message first needs it. */
export function withLazyText<T extends ValueType>(value: T, compute: () => string): T {
  let cached: string | undefined;
  Object.defineProperty(value, 'text', {
    get: () => (cached ??= compute()),
    enumerable: true,
    configurable: true,
  });
  return value;
}

/** Flattens nested unions, merges `true | false` into boolean and drops duplicates. */
export function normalizeUnion(members: ValueType[], text: string): ValueType {
  const flat: ValueType[] = [];
  for (const member of members) {
    if (member.kind === 'union') flat.push(...member.members);
    else flat.push(member);
  }
  if (flat.some((m) => m.kind === 'any')) return { kind: 'any', text };
  const hasTrue = flat.some((m) => m.kind === 'boolean' && m.literal === true);
  const hasFalse = flat.some((m) => m.kind === 'boolean' && m.literal === false);
  let result = flat;
  if (hasTrue && hasFalse) {
    result = flat.filter((m) => m.kind !== 'boolean');
    result.push({ kind: 'boolean', text: 'boolean' });
  }
  if (result.length === 1) return result[0];
  return { kind: 'union', text, members: result };
}

export function unionMembers(value: ValueType): ValueType[] {
  return value.kind === 'union' ? value.members : [value];
}

export function mayBeUndefined(value: ValueType): boolean {
  return unionMembers(value).some((m) => m.kind === 'undefined');
}

/** The value without its `undefined` members (what is sent when the key is present). */
export function withoutUndefined(value: ValueType): ValueType {
  if (value.kind !== 'union') return value;
  const members = value.members.filter((m) => m.kind !== 'undefined');
  if (members.length === value.members.length) return value;
  const text = members.map((m) => m.text).join(' | ');
  return members.length === 1 ? members[0] : { kind: 'union', text, members };
}
