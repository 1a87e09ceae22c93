import { createRule, type Rule } from './createRule';
import type { SchemaRuleId } from '../schema/check';
import type { RuleDocs } from './createRule';
import type { Severity } from '../types';

/**
 * The four property rules share one evaluation of the call's properties (CheckedCall.propertyIssues);
 * each reports the issues that carry its id, with its own messages.
 */
export function createSchemaIssueRule<MessageId extends string>(options: {
  name: SchemaRuleId;
  docs: RuleDocs;
  defaultSeverity: Severity;
  messages: Record<MessageId, string>;
}): Rule<MessageId> {
  return createRule({
    name: options.name,
    meta: { docs: options.docs, defaultSeverity: options.defaultSeverity, messages: options.messages },
    create(context) {
      return {
        call(call) {
          for (const issue of call.propertyIssues()) {
            if (issue.ruleId !== options.name) continue;
            context.report({
              node: issue.node ?? call.anchor,
              messageId: issue.messageId as MessageId,
              data: { ...issue.data, path: issue.path, owner: issue.owner },
              fix: { property: issue.path, suggestions: issue.suggestions, expectedType: issue.expectedType },
            });
          }
        },
      };
    },
  });
}
