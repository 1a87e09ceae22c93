/**
 * Shared vocabulary of the analysis core. Positions are LSP-shaped (0-based line and
 * UTF-16 character) so the language server can pass them through unchanged; the CLI adds 1.
 */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** `hint` is for editor-only nudges (faded text, no Problems entry in VS Code); the CLI treats it like info. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export const RULE_IDS = [
  'unknown-event',
  'event-name-casing',
  'property-name-casing',
  'missing-required-property',
  'unknown-property',
  'property-type',
  'property-value',
  'deprecated-event',
  'dynamic-event-name',
  'invalid-plan',
  'unused-event',
  'file-too-large',
  'identify-user-id',
  'pii-property',
  'dynamic-property-name',
  'event-name-contains-value',
  'unknown-destination',
  'event-source',
  'unchecked-call',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** A place in another file (or this one) that a fix may need to edit, e.g. the constant that holds an event name. */
export interface SourceLocation {
  file: string;
  range: Range;
}

/** Typed data a finding carries for its quick-fixes (tailwindcss-intellisense style). */
export interface FindingData {
  /** Planned names or keys the user probably meant, best first. */
  suggestions?: string[];
  /** The text that should replace the finding's range, when one replacement is certain. */
  replacement?: string;
  /** The JSON Schema type(s) the plan expects, for property-type findings. */
  expectedType?: string;
  /** The string literal the offending value really comes from, when it is not at the finding's range. */
  origin?: SourceLocation;
  /** The event, page or screen name the finding is about. */
  eventName?: string;
  /** The property path the finding is about: `total`, `products[].product_id`. */
  property?: string;
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  file: string;
  range: Range;
  data?: FindingData;
}
