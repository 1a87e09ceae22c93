import { createSchemaIssueRule } from './schemaIssueRule';

export const missingRequiredProperty = createSchemaIssueRule({
  name: 'missing-required-property',
  docs: { description: 'Reports calls that do not send a property the plan requires (also inside nested objects).' },
  defaultSeverity: 'error',
  messages: {
    missing: "Missing required property '{{path}}' of {{owner}}.",
  },
});
