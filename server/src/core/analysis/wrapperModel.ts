import type { ts } from '@ts-morph/common';
import type { ArgumentRef } from '../plan/model';
import type { NameMap } from './nameMaps';

/** The analytics call kinds a wrapper can stand for: those whose name the plan judges. */
export type WrapperKind = 'track' | 'page' | 'screen';

/**
 * Properties a wrapper adds to what its callers pass (`{ ...properties, user_id }`): they count as
 * present at every call site. `open`: the wrapper adds something whose keys cannot be known.
 */
export interface ProvidedProperties {
  keys: string[];
  open: boolean;
}

/**
 * Where a wrapper's call sites pass something: an argument, a field of it (`payload.eventName`), a field
 * of that field (`payload.data.event`: field `data`, path `['event']`), or the argument without some
 * fields (`{ eventName, ...props }`: the properties are the argument without `eventName`).
 */
export interface WrapperRef extends ArgumentRef {
  /** Fields below `field`, outermost first. */
  path?: string[];
  /** The argument's fields that are not part of it: taken out by the wrapper before the rest is sent. */
  omit?: string[];
}

/**
 * A function the team calls instead of the SDK, found by following where its parameters go:
 * every call of it is judged as the analytics call it makes.
 */
export interface WrapperInfo {
  /** As `tracklint wrappers` lists it and the plan's `wrappers.ignore` names it: `trackEvent`, `AnalyticsService.track`. */
  name: string;
  /** The function's own name, without its class or object: `track`. */
  shortName: string;
  /** The function, method or arrow function. */
  declaration: ts.SignatureDeclaration;
  file: string;
  /** 0-based line and character of the function's name (or its start). */
  line: number;
  character: number;
  kind: WrapperKind;
  /** Where call sites pass the name: an argument index, or a field of an object argument. */
  event?: WrapperRef;
  /** Where call sites pass the properties, when they flow into the underlying call's properties. */
  properties?: WrapperRef;
  /** Where call sites pass Segment's options (`integrations`), when the wrapper forwards them unchanged. */
  options?: ArgumentRef;
  /** `(...args) => analytics.track(...args)`: call sites are read exactly like the SDK call itself. */
  forwardAll: boolean;
  /** Call sites pass ids that the wrapper looks up in this map (`SEGMENT_NAMES[id]`); prefix and suffix go around the value. */
  nameMap?: NameMap;
  /** Prepended to / appended after the name a call site passes (`` `app.${name}` ``). */
  prefix: string;
  suffix: string;
  provided: ProvidedProperties;
  /** The call inside the wrapper, as written: `window.analytics.track`, `trackEvent`. */
  via: string;
  /** The SDK call at the end of the chain: `analytics.track`. */
  target: string;
  /** The wrappers between this one and the SDK call, outermost first (empty for a direct wrapper). */
  chain: string[];
  /** The calls inside the wrapper that forward its parameter: their names are judged at the call sites instead. */
  forwarding: Set<ts.CallExpression>;
}

/** Plan settings for wrapper inference (the native plan's `wrappers:`). */
export interface WrapperSettings {
  /** false turns inference off: only the plan's `callees:` are followed. */
  infer: boolean;
  /** Inferred wrappers not to follow, by listed name (`AnalyticsService.track`) or own name (`track`). */
  ignore: string[];
}

export const DEFAULT_WRAPPER_SETTINGS: WrapperSettings = { infer: true, ignore: [] };

/** How a listing shows an argument reference: `arg 0`, `arg 0 .key`. */
export function describeRef(ref: WrapperRef | undefined, forwardAll = false): string {
  if (forwardAll) return 'all arguments';
  if (!ref) return '—';
  const fields = ref.field === undefined ? '' : ` ${[ref.field, ...(ref.path ?? [])].map((f) => `.${f}`).join('')}`;
  const omitted = ref.omit?.length ? ` without ${ref.omit.map((f) => `.${f}`).join(' ')}` : '';
  return `arg ${ref.arg}${fields}${omitted}`;
}

export function isIgnored(wrapper: Pick<WrapperInfo, 'name' | 'shortName'>, settings: WrapperSettings): boolean {
  return settings.ignore.some((name) => name === wrapper.name || name === wrapper.shortName);
}
