import { ts } from '@ts-morph/common';
import { valueInName, stableName } from '../naming/valueInName';
import { toCasing } from '../naming/casing';
import { skipOuter } from '../analysis/syntax';
import { nameParts } from '../analysis/nameParts';
import type { PropertyCasing } from '../plan/model';
import { createRule } from './createRule';

export const eventNameContainsValue = createRule({
  name: 'event-name-contains-value',
  meta: {
    docs: { description: 'Reports event names that carry a value (a date, a number, an id, a title, a varying part), which should be a stable name plus a property.' },
    defaultSeverity: 'warning',
    messages: {
      literal: "Event name '{{name}}' carries a value ({{what}}: '{{value}}'): every value makes a separate event. Use a stable name such as '{{stable}}' and send the value as a property.",
      template: "Event name {{text}} is built around a varying value: every value makes a separate event. Use the stable name '{{stable}}' and send {{values}} as {{asWhat}}.",
    },
  },
  create(context) {
    const convention = context.plan.conventions.properties;
    return {
      call(call) {
        // A wrapper's own forwarding call adds a fixed prefix to its parameter: its call sites are judged instead.
        if (call.kind !== 'track' || !call.call.name || call.call.forwardedBy) return;
        const names = call.names();
        if (names?.kind === 'dynamic') {
          const parts = nameParts(call.call.name);
          if (!parts) return;
          const stable = stableName(parts.fixed.join(' '));
          if (!/\p{L}/u.test(stable) || parts.fixed.every(isNamespace)) return;
          const single = parts.varying.length === 1 ? parts.varying[0] : undefined;
          context.report({
            node: call.call.name,
            messageId: 'template',
            data: {
              text: skipOuter(call.call.name).getText(context.sourceFile),
              stable,
              values: parts.varying.map((v) => `\`${v.getText(context.sourceFile)}\``).join(' and '),
              asWhat: single ? 'a property' : 'properties',
            },
            fix: single ? { replacement: stable, property: propertyKeyFor(single, convention) } : undefined,
          });
          return;
        }
        for (const { name, entry } of call.namedEntries()) {
          // The plan is the authority on its own names.
          if (entry) continue;
          const found = valueInName(name.value);
          if (!found || !/\p{L}/u.test(found.stable)) continue;
          context.report({ node: name.node, messageId: 'literal', data: { name: name.value, what: found.what, value: found.value, stable: found.stable }, fix: { eventName: name.value, suggestions: [found.stable] } });
        }
      },
    };
  },
});

/** `app.`, `web:`, `.v2`: a namespace around another name, not text around a value. */
function isNamespace(fixed: string): boolean {
  return fixed === '' || /^[\p{L}\p{N}_-]*[.:/]$|^[.:/][\p{L}\p{N}_-]*$/u.test(fixed);
}

/** The property key a moved value gets: the name it is read by (`title`, `post.title` → `title`), in the plan's convention. */
function propertyKeyFor(expression: ts.Expression, convention: PropertyCasing): string {
  const node = skipOuter(expression);
  let name = 'value';
  if (ts.isIdentifier(node)) name = node.text;
  else if (ts.isPropertyAccessExpression(node)) name = node.name.text;
  else if (ts.isCallExpression(node)) {
    const callee = skipOuter(node.expression);
    const text = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    if (/^get[A-Z]/.test(text)) name = text.slice(3);
  }
  return convention === 'any' ? name : toCasing(name, convention);
}
