import { createRule } from './createRule';

/**
 * Reported on the plan file by the language server once the whole workspace has been read (and by
 * coverage reports), not by a call visitor: it needs every call site, not one file.
 */
export const unusedEvent = createRule({
  name: 'unused-event',
  meta: {
    docs: { description: 'Reports plan events, pages and screens that no code in the workspace sends.' },
    defaultSeverity: 'hint',
    messages: {
      unused: "{{Kind}} '{{name}}' is in the tracking plan, but no code in the workspace sends it.",
    },
  },
  create() {
    return {};
  },
});
