import type { RuleId, SeveritySetting } from '../types';
import type { WrapperSettings } from '../analysis/wrapperModel';
import type { JsonSchema } from './jsonSchema';
import type { PlanSources } from './sources';

export type EventCasing = 'title' | 'snake' | 'camel' | 'pascal' | 'kebab' | 'any';
export type PropertyCasing = Exclude<EventCasing, 'title'>;

/** Path of keys from the plan document's root to a value, used to locate it in the plan file. */
export type PlanPath = (string | number)[];

/** The properties an event (or identify traits, page properties...) may carry. */
export interface PropertiesSpec {
  properties?: Record<string, JsonSchema>;
  required: string[];
  /** false: nothing else is allowed; true or a schema: anything else is allowed. Undefined: only planned keys. */
  additionalProperties?: boolean | JsonSchema;
  /** Where its property schemas are, relative to the plan root. */
  propertiesPath?: PlanPath;
  /** What `#` means in the `$ref`s of its schemas: the plan root ([]) for native plans, the rule's own JSON Schema in Segment formats. */
  schemaRoot?: PlanPath;
}

export type PlanEntryKind = 'track' | 'identify' | 'group' | 'page' | 'screen';

export interface PlanEntry extends PropertiesSpec {
  kind: PlanEntryKind;
  /** The event, page or screen name; empty for identify and group. */
  name: string;
  description?: string;
  deprecated?: boolean;
  replacedBy?: string;
  /** The destinations that should receive this event (an allow-list of the plan's `destinations:`); absent: all of them. */
  destinations?: string[];
  /** The plan's sources this entry is sent from; undefined: any. */
  sources?: string[];
  /** Where the entry is written in the plan file (its key, or its array element). */
  path: PlanPath;
}

/**
 * A wrapper the team calls instead of the SDK, declared in the plan's `callees:`.
 * `callee` matches the end of the called expression: `trackEvent`, `segment.track`, `analyticsService.track`.
 */
export interface CalleeSpec {
  callee: string;
  kind: PlanEntryKind | 'alias';
  /** Where the event name is: an argument index, or a field of an object argument. */
  event?: ArgumentRef;
  properties?: ArgumentRef;
  prefix?: string;
  suffix?: string;
  /** Property keys the wrapper adds itself (`platform`, `device`): present at every call site. */
  provides?: string[];
}

export interface ArgumentRef {
  arg: number;
  field?: string;
}

export type PlanFormat =
  | 'native'
  | 'segment-public-api'
  | 'segment-config-api'
  | 'typewriter'
  | 'minimal-json'
  | 'community-yaml';

export interface TrackingPlan {
  name?: string;
  format: PlanFormat;
  conventions: { events: EventCasing; properties: PropertyCasing };
  rules: Partial<Record<RuleId, SeveritySetting>>;
  events: Map<string, PlanEntry>;
  pages: Map<string, PlanEntry>;
  screens: Map<string, PlanEntry>;
  identify?: PlanEntry;
  group?: PlanEntry;
  /** Properties every track call may carry (Segment COMMON rules). */
  common?: PropertiesSpec;
  callees: CalleeSpec[];
  /** Wrapper inference settings (the native plan's `wrappers:`); absent means on, nothing ignored. */
  wrappers?: WrapperSettings;
  ignore: string[];
  /** The destinations (Segment integrations) the plan declares: the keys an `integrations` option may name. */
  destinations?: string[];
  /** The native plan's `sources:`: which files belong to which part of the codebase. */
  sources?: PlanSources;
}

export function emptyPlan(format: PlanFormat): TrackingPlan {
  return {
    format,
    conventions: { events: 'any', properties: 'any' },
    rules: {},
    events: new Map(),
    pages: new Map(),
    screens: new Map(),
    callees: [],
    wrappers: { infer: true, ignore: [] },
    ignore: [],
  };
}
