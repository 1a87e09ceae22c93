import { createSchemaIssueRule } from './schemaIssueRule';

export const unknownProperty = createSchemaIssueRule({
  name: 'unknown-property',
  docs: { description: 'Reports properties the plan does not define for the event (unless the plan allows additional properties).' },
  defaultSeverity: 'warning',
  messages: {
    unknown: "Property '{{path}}' is not in the tracking plan for {{owner}}.",
    unknownWithSuggestion: "Property '{{path}}' is not in the tracking plan for {{owner}}. Did you mean '{{suggestion}}'?",
  },
});
