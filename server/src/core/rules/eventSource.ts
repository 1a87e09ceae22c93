import { sourceOfFile } from '../plan/sources';
import { createRule } from './createRule';

/**
 * Events planned for some sources only (`sources: [web]`), sent from a file of another source. A file
 * that matches no source's globs is not judged: the plan says nothing about where it belongs.
 */
export const eventSource = createRule({
  name: 'event-source',
  meta: {
    docs: { description: 'Reports events sent from a source (a part of the codebase) the plan does not list for them.' },
    defaultSeverity: 'warning',
    messages: {
      wrongSource: "{{Kind}} '{{name}}' is planned for {{planned}}, but this file belongs to source '{{source}}'.",
    },
  },
  create(context) {
    const source = sourceOfFile(context.plan.sources, context.sourceFile.fileName);
    if (source === undefined) return {};
    return {
      call(call) {
        for (const { name, entry } of call.namedEntries()) {
          if (!entry?.sources || entry.sources.includes(source)) continue;
          const planned = entry.sources.length ? `source${entry.sources.length === 1 ? '' : 's'} ${entry.sources.map((s) => `'${s}'`).join(', ')}` : 'no source';
          context.report({ node: name.node, messageId: 'wrongSource', data: { Kind: call.nameLabel, name: name.value, planned, source }, fix: { eventName: name.value, origin: name.origin } });
        }
      },
    };
  },
});
