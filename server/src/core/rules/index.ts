import type { RuleId } from '../types';
import type { Rule } from './createRule';
import { deprecatedEvent } from './deprecatedEvent';
import { dynamicEventName } from './dynamicEventName';
import { eventNameCasing } from './eventNameCasing';
import { eventSource } from './eventSource';
import { fileTooLarge } from './fileTooLarge';
import { invalidPlan } from './invalidPlan';
import { missingRequiredProperty } from './missingRequiredProperty';
import { propertyNameCasing } from './propertyNameCasing';
import { propertyType } from './propertyType';
import { propertyValue } from './propertyValue';
import { unknownEvent } from './unknownEvent';
import { unknownProperty } from './unknownProperty';
import { unusedEvent } from './unusedEvent';
import { identifyUserId } from './identifyUserId';
import { piiProperty } from './piiProperty';
import { dynamicPropertyName } from './dynamicPropertyName';
import { eventNameContainsValue } from './eventNameContainsValue';
import { unknownDestination } from './unknownDestination';
import { uncheckedCall } from './uncheckedCall';

/** Every rule, by its public id. Rule ids are a public contract: never rename one. */
export const RULES: Record<RuleId, Rule> = {
  'unknown-event': unknownEvent,
  'event-name-casing': eventNameCasing,
  'property-name-casing': propertyNameCasing,
  'missing-required-property': missingRequiredProperty,
  'unknown-property': unknownProperty,
  'property-type': propertyType,
  'property-value': propertyValue,
  'deprecated-event': deprecatedEvent,
  'dynamic-event-name': dynamicEventName,
  'invalid-plan': invalidPlan,
  'unused-event': unusedEvent,
  'file-too-large': fileTooLarge,
  'identify-user-id': identifyUserId,
  'pii-property': piiProperty,
  'dynamic-property-name': dynamicPropertyName,
  'event-name-contains-value': eventNameContainsValue,
  'unknown-destination': unknownDestination,
  'event-source': eventSource,
  'unchecked-call': uncheckedCall,
};

export const RULE_DOCS_BASE_URL = 'https://github.com/tracklint/tracklint/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}${ruleId}.md`;
}
