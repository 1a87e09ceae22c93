import type { CheckedCall } from '../analysis/checkedCall';
import { PII_KIND_NAMES, piiKeyKind, piiValueKind } from '../naming/pii';
import { createRule } from './createRule';

export const piiProperty = createRule({
  name: 'pii-property',
  meta: {
    docs: { description: 'Reports properties and traits whose key or literal value looks like personal data, which every connected destination would receive.' },
    defaultSeverity: 'warning',
    messages: {
      key: "Property '{{key}}' looks like {{kind}}: personal data sent here reaches every destination connected to this source. Leave it out, or mark the property `pii: true` in the tracking plan if it must be sent.",
      value: "The value of '{{key}}' looks like {{kind}}: personal data sent here reaches every destination connected to this source. Leave it out, or mark the property `pii: true` in the tracking plan if it must be sent.",
    },
  },
  create(context) {
    return {
      call(call) {
        if (call.kind === 'alias') return;
        const value = call.properties();
        if (value?.kind !== 'object') return;
        const allowed = allowedKeys(call);
        for (const entry of value.shape.entries.values()) {
          if (allowed.has(entry.key)) continue;
          const byKey = piiKeyKind(entry.key);
          const literal = entry.value.kind === 'string' ? entry.value.literal : undefined;
          const byValue = byKey ? undefined : literal !== undefined ? piiValueKind(literal) : undefined;
          if (byKey) {
            context.report({ node: entry.keyNode ?? entry.valueNode ?? call.anchor, messageId: 'key', data: { key: entry.key, kind: PII_KIND_NAMES[byKey] }, fix: { property: entry.key } });
          } else if (byValue) {
            context.report({ node: entry.valueNode ?? entry.keyNode ?? call.anchor, messageId: 'value', data: { key: entry.key, kind: PII_KIND_NAMES[byValue] }, fix: { property: entry.key } });
          }
        }
      },
    };
  },
});

/**
 * Keys the plan allows to carry personal data: those whose schema says `pii: true` (in the call's entries
 * or `common:`), and every trait the plan defines for identify and group (traits describe the person).
 */
function allowedKeys(call: CheckedCall): Set<string> {
  const allowed = new Set<string>();
  const specs = call.specs().map((s) => s.entry);
  const common = call.kind === 'track' ? call.plan.common : undefined;
  for (const spec of [...specs, ...(common ? [common] : [])]) {
    for (const [key, schema] of Object.entries(spec.properties ?? {})) {
      if (schema.pii === true || call.kind === 'identify' || call.kind === 'group') allowed.add(key);
    }
  }
  return allowed;
}
