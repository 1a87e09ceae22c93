import { ts } from '@ts-morph/common';

/**
 * An object argument that carries the name and properties in its fields but is not written as an object
 * literal: the Node SDK's message held in a variable or typed by an interface (`client.track(message)`),
 * or a wrapper's object argument passed whole (`trackEvent(payload)`). There is no literal to read, so the
 * fields' types say what is sent, and findings point at the argument.
 */
export interface TypedMessage {
  /** The argument, as written. */
  node: ts.Expression;
  /** The field whose type gives the event, page or screen name (`event`, `name`); none for identify and group. */
  nameField?: string;
  /** The field whose type gives the properties or traits; none when the call takes them elsewhere. */
  propertiesField?: string;
}

/**
 * The declared type of a field of an object expression's type (`message.event`), without `undefined`
 * and `null`: an optional field is judged by what it holds when present.
 */
export function fieldType(node: ts.Expression, field: string, checker: ts.TypeChecker): { symbol: ts.Symbol; type: ts.Type } | undefined {
  const objectType = checker.getNonNullableType(checker.getTypeAtLocation(node));
  const symbol = checker.getPropertyOfType(objectType, field);
  return symbol && { symbol, type: checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(symbol, node)) };
}

/**
 * Whether a type may be a message object: an object type (or a union of them, as a discriminated union of
 * messages is), not a function; not a string, `any`, `unknown` and the like.
 */
export function isObjectType(type: ts.Type): boolean {
  const members = type.isUnion() ? type.types : [type];
  return members.every((t) => (t.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) !== 0 && t.getCallSignatures().length === 0);
}
