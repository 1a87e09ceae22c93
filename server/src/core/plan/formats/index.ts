import type { PlanFormatLoader } from './format';
import { communityYamlFormat } from './communityYaml';
import { minimalJsonFormat } from './minimalJson';
import { nativeFormat } from './native';
import { segmentConfigApiFormat } from './segmentConfigApi';
import { segmentPublicApiFormat } from './segmentPublicApi';
import { typewriterFormat } from './typewriter';

/**
 * Every plan format, in the order their detectors are asked. More specific shapes come first:
 * Typewriter's plan.json is Public API rules plus markers (`eventMetadata`, `$id`, `resourceSchemaId`);
 * community YAML rules are Public API rules without `jsonSchema`; the Public API detector takes any
 * remaining `rules` that are not an object, so a broken `rules` is still explained in Segment's terms.
 * Native comes last: it accepts `events` only as an object, minimal JSON only as a list.
 */
export const PLAN_FORMATS: PlanFormatLoader[] = [
  typewriterFormat,
  segmentConfigApiFormat,
  communityYamlFormat,
  segmentPublicApiFormat,
  minimalJsonFormat,
  nativeFormat,
];
