import { createRule } from './createRule';

/** Reported by the CLI and the server before analysis, not by a visitor: registered for its docs and severity. */
export const fileTooLarge = createRule({
  name: 'file-too-large',
  meta: {
    docs: { description: 'Reports source files skipped because they are over the size limit (generated bundles, minified code).' },
    defaultSeverity: 'info',
    messages: { skipped: 'tracklint skipped this file: it is {{size}}, over {{setting}} ({{limit}}).' },
  },
  create() {
    return {};
  },
});
