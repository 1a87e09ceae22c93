import type { ts } from '@ts-morph/common';
import type { PlanEntry, PropertiesSpec, TrackingPlan } from '../plan/model';
import { checkProperties, type SchemaIssue } from '../schema/check';
import type { AnalyticsCall } from './calls';
import { calleeNodeOf } from './jsxCallSites';
import { fieldType } from './messageFields';
import { resolveCallNames, type NameResolution, type ResolvedName } from './names';
import { readValue } from './properties';
import type { ObjectShape, ValueType, ValueTypeReader } from './valueType';

/** A name the call sends, with the plan entry it refers to (undefined when off-plan). */
export interface NamedEntry {
  name: ResolvedName;
  entry: PlanEntry | undefined;
}

/**
 * An analytics call with what rules need to judge it, each part computed once on first use and
 * shared by every rule, so five property rules cost one read of the properties.
 */
export class CheckedCall {
  private nameResolution?: NameResolution | null;
  private namedEntriesCache?: NamedEntry[];
  private propertiesValue?: ValueType | null;
  private issues?: (SchemaIssue & { owner: string })[];

  constructor(
    readonly call: AnalyticsCall,
    readonly plan: TrackingPlan,
    readonly checker: ts.TypeChecker,
    private readonly reader: ValueTypeReader,
  ) {}

  get kind() {
    return this.call.kind;
  }

  /** How messages name what the call sends: Event, Page or Screen. */
  get nameLabel(): 'Event' | 'Page' | 'Screen' {
    return this.call.kind === 'page' ? 'Page' : this.call.kind === 'screen' ? 'Screen' : 'Event';
  }

  /** Whether the plan says anything about names of this kind (a plan without `pages:` does not judge page names). */
  get namesArePlanned(): boolean {
    switch (this.call.kind) {
      case 'track':
        return true;
      case 'page':
        return this.plan.pages.size > 0;
      case 'screen':
        return this.plan.screens.size > 0;
      default:
        return false;
    }
  }

  /**
   * The names the call may send; undefined when the call has no name argument, and for a wrapper's
   * forwarding call: a typed parameter's members are what the wrapper may send, its callers say what it does.
   */
  names(): NameResolution | undefined {
    if (this.nameResolution === undefined) this.nameResolution = (!this.call.forwardedBy && resolveCallNames(this.call, this.checker)) || null;
    return this.nameResolution ?? undefined;
  }

  namedEntries(): NamedEntry[] {
    if (!this.namedEntriesCache) {
      const names = this.names();
      this.namedEntriesCache = names?.kind === 'static' ? names.names.map((name) => ({ name, entry: this.lookup(name.value) })) : [];
    }
    return this.namedEntriesCache;
  }

  lookup(name: string): PlanEntry | undefined {
    switch (this.call.kind) {
      case 'track':
        return this.plan.events.get(name);
      case 'page':
        return this.plan.pages.get(name);
      case 'screen':
        return this.plan.screens.get(name);
      default:
        return undefined;
    }
  }

  /** The plan's entries whose properties this call must satisfy. */
  specs(): { entry: PlanEntry; owner: string }[] {
    switch (this.call.kind) {
      case 'identify':
        return this.plan.identify ? [{ entry: this.plan.identify, owner: 'identify traits' }] : [];
      case 'group':
        return this.plan.group ? [{ entry: this.plan.group, owner: 'group traits' }] : [];
      case 'alias':
        return [];
      default: {
        const seen = new Set<PlanEntry>();
        const specs: { entry: PlanEntry; owner: string }[] = [];
        for (const { entry } of this.namedEntries()) {
          if (!entry || seen.has(entry)) continue;
          seen.add(entry);
          specs.push({ entry, owner: `${entry.kind === 'track' ? 'event' : entry.kind} '${entry.name}'` });
        }
        return specs;
      }
    }
  }

  /** What the properties (or traits) argument sends; undefined when there is none. */
  properties(): ValueType | undefined {
    if (this.propertiesValue === undefined) this.propertiesValue = this.readProperties() ?? null;
    return this.propertiesValue ?? undefined;
  }

  private readProperties(): ValueType | undefined {
    const value = this.readPropertiesArgument();
    // `trackEvent({ eventName, ...props })`: the fields the wrapper takes out are not sent as properties.
    const omitted = this.call.wrapper?.properties?.omit;
    return omitted && value?.kind === 'object' ? withoutKeys(value, omitted) : value;
  }

  private readPropertiesArgument(): ValueType | undefined {
    const expression = this.call.properties;
    if (expression) return readValue(expression, this.checker, this.reader);
    const message = this.call.message;
    if (!message?.propertiesField) return undefined;
    const field = fieldType(message.node, message.propertiesField, this.checker);
    return field && this.reader.read(field.type, message.node);
  }

  /** Where findings about the properties as a whole go: the properties argument, else the name, else the message, else the call. */
  get anchor(): ts.Node {
    return this.call.properties ?? this.call.name ?? this.call.message?.node ?? calleeNodeOf(this.call.node);
  }

  /** Every difference between the properties and the plan, for every entry the call may refer to. */
  propertyIssues(): (SchemaIssue & { owner: string })[] {
    if (!this.issues) {
      const value = this.properties();
      let shape: ObjectShape | undefined = value?.kind === 'object' ? value.shape : value === undefined || value.kind === 'null' || value.kind === 'undefined' ? undefined : { entries: new Map(), open: true };
      // Keys a wrapper adds itself (`{ ...properties, user_id }`) are sent with every call of it.
      const provided = this.call.provided;
      if (provided) {
        const base: ObjectShape = shape ?? { entries: new Map(), open: false };
        shape = { ...base, open: base.open || provided.open, provided: new Set([...(base.provided ?? []), ...provided.keys]) };
      }
      const result: (SchemaIssue & { owner: string })[] = [];
      for (const { entry, owner } of this.specs()) {
        const common: PropertiesSpec | undefined = entry.kind === 'track' ? this.plan.common : undefined;
        for (const issue of checkProperties(shape, entry, common, this.anchor)) result.push({ ...issue, owner });
      }
      this.issues = result;
    }
    return this.issues;
  }
}

function withoutKeys(value: ValueType & { kind: 'object' }, keys: string[]): ValueType {
  const entries = new Map([...value.shape.entries].filter(([key]) => !keys.includes(key)));
  return { ...value, shape: { ...value.shape, entries } };
}
