import { createSchemaIssueRule } from './schemaIssueRule';

export const propertyType = createSchemaIssueRule({
  name: 'property-type',
  docs: { description: 'Reports property values whose TypeScript type does not match the JSON Schema type the plan gives.' },
  defaultSeverity: 'error',
  messages: {
    wrongType: "Property '{{path}}' of {{owner}} should be {{expected}}, but the value is {{found}}.",
    mayBeUndefined: "Property '{{path}}' is required by {{owner}}, but the value may be undefined ({{found}}).",
  },
});
