import type { PlanPath } from './model';
import { describeValue } from './formats/segmentRules';

export type PointerTarget = { path: PlanPath; value: unknown } | { problem: string };

/**
 * Follows a `$ref` within the plan: `#` is the value at `root` (the plan for native plans, the rule's
 * JSON Schema for Segment formats), `#/a/b` a JSON Pointer below it (RFC 6901, percent-decoded as a URI
 * fragment). Only own keys are followed, so `#/constructor` finds nothing. Anything else (another file,
 * a URL, an anchor name) is refused: the plan never makes tracklint read another file or the network.
 */
export function followPointer(documentValue: unknown, root: PlanPath, ref: unknown): PointerTarget {
  if (typeof ref !== 'string') return { problem: `must be a string, found ${describeValue(ref)}` };
  if (!ref.startsWith('#')) return { problem: 'refers to another file; tracklint follows only references within the plan (`#/…`) and never reads other files' };
  if (ref !== '#' && !ref.startsWith('#/')) return { problem: 'is not a JSON Pointer; tracklint follows only references such as `#/definitions/name`' };
  let value = valueAt(documentValue, root);
  const path = [...root];
  for (const raw of ref === '#' ? [] : ref.slice(2).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return { problem: 'is not a valid URI fragment' };
    }
    if (Array.isArray(value) && /^(0|[1-9]\d*)$/.test(segment) && Number(segment) < value.length) {
      path.push(Number(segment));
      value = value[Number(segment)];
    } else if (isObject(value) && Object.hasOwn(value, segment)) {
      path.push(segment);
      value = value[segment];
    } else return { problem: 'points to nothing in the plan' };
  }
  return { path, value };
}

/** The value at a path of the parsed plan (own keys only), or undefined. */
export function valueAt(documentValue: unknown, path: PlanPath): unknown {
  let value = documentValue;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isObject(value) && Object.hasOwn(value, segment)) value = value[segment];
    else return undefined;
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
