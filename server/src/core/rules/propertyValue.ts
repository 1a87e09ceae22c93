import { createSchemaIssueRule } from './schemaIssueRule';

export const propertyValue = createSchemaIssueRule({
  name: 'property-value',
  docs: { description: "Reports values known statically (literals and literal unions) that break the plan's enum, const, pattern, format, range or length." },
  defaultSeverity: 'error',
  messages: {
    notInEnum: "Property '{{path}}' of {{owner}} must be one of {{allowed}}; found {{found}}.",
    notConst: "Property '{{path}}' of {{owner}} must be {{expected}}; found {{found}}.",
    pattern: "Property '{{path}}' of {{owner}} must match the pattern /{{pattern}}/; found {{found}}.",
    format: "Property '{{path}}' of {{owner}} must be a valid {{format}}; found {{found}}.",
    range: "Property '{{path}}' of {{owner}} must be {{bound}}; found {{found}}.",
    minLength: "Property '{{path}}' of {{owner}} must be at least {{limit}} characters long; found {{found}} ({{length}}).",
    maxLength: "Property '{{path}}' of {{owner}} must be at most {{limit}} characters long; found {{found}} ({{length}}).",
  },
});
