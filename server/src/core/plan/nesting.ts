/**
 * How deeply collections may nest in a plan file. Real plans nest a few dozen levels at most; the parsers,
 * the schema validation and the checks recurse, and a file nested thousands of levels deep would
 * overflow the stack instead of getting a finding.
 */
export const MAX_PLAN_DEPTH = 100;

export const TOO_DEEP_MESSAGE = `The plan is nested more than ${MAX_PLAN_DEPTH} levels deep here; tracklint does not read plans nested this deeply.`;
