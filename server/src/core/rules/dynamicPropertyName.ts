import { ts } from '@ts-morph/common';
import { skipOuter, staticPropertyName } from '../analysis/syntax';
import { createRule } from './createRule';

/** How deep nested objects in a properties literal are searched (an explicit bound, as for generated code). */
const MAX_DEPTH = 8;

export const dynamicPropertyName = createRule({
  name: 'dynamic-property-name',
  meta: {
    docs: { description: 'Reports property and trait keys computed at runtime, which grow a new column in the warehouse for every value.' },
    defaultSeverity: 'warning',
    messages: {
      computed:
        'Property key {{key}} is computed at runtime: every distinct value becomes a new property, a new column in the warehouse and in every destination. Use a fixed key and send the varying part as a value: `{ feature: name, count }`, not `{ [name + \'_count\']: count }`.',
    },
  },
  create(context) {
    return {
      call(call) {
        const properties = call.call.properties && skipOuter(call.call.properties);
        if (!properties || !ts.isObjectLiteralExpression(properties)) return;
        const stack: { object: ts.ObjectLiteralExpression; depth: number }[] = [{ object: properties, depth: 0 }];
        while (stack.length) {
          const { object, depth } = stack.pop()!;
          for (const element of object.properties) {
            const name = element.name;
            if (name && ts.isComputedPropertyName(name) && !isFixedKey(name, call.checker)) {
              context.report({ node: name, messageId: 'computed', data: { key: name.getText(context.sourceFile) } });
            }
            if (depth < MAX_DEPTH && ts.isPropertyAssignment(element)) {
              for (const inner of nestedObjects(element.initializer)) stack.push({ object: inner, depth: depth + 1 });
            }
          }
        }
      },
    };
  },
});

/** `['order_id']`, `[KEYS.ORDER_ID]` with a literal type: one key, however it is written. */
function isFixedKey(name: ts.ComputedPropertyName, checker: ts.TypeChecker): boolean {
  if (staticPropertyName(name) !== undefined) return true;
  const type = checker.getTypeAtLocation(name.expression);
  return type.isStringLiteral() || type.isNumberLiteral() || (type.flags & ts.TypeFlags.UniqueESSymbol) !== 0;
}

/** Object literals a property value holds: `{ ... }` itself, or the elements of `[{ ... }]`. */
function nestedObjects(value: ts.Expression): ts.ObjectLiteralExpression[] {
  const inner = skipOuter(value);
  if (ts.isObjectLiteralExpression(inner)) return [inner];
  if (ts.isArrayLiteralExpression(inner)) return inner.elements.map((e) => skipOuter(e as ts.Expression)).filter(ts.isObjectLiteralExpression);
  return [];
}
