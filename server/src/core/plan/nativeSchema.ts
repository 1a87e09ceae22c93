import { z } from 'zod';
import type { ArgumentRef, CalleeSpec } from './model';
import { RULE_IDS } from '../types';

/**
 * The native tracking-plan format (tracking-plan.yaml / .json), as zod schemas.
 * The published JSON Schema in plans/ is generated from these (scripts/write-plan-schema.ts).
 */
/**
 * Keys that start with `x-` are extensions, as OpenAPI and JSON Schema vendors use them (`x-owner: growth`):
 * teams keep their own metadata in the plan. They are accepted and ignored in every object whose keys the
 * format fixes (property schemas accept any unknown keyword anyway); maps whose keys are names (events,
 * properties, sources, rules) are not such objects.
 */
const EXTENSION_KEY = /^x-/;

/**
 * An object with the given keys and any `x-` extension keys. Every other key is still an
 * `unrecognized_keys` issue, as `.strict()` reports it, so a typo (`propertes:`) is never silently ignored.
 * The published JSON Schema says the same: `additionalProperties: false` with `patternProperties`.
 */
function extensibleObject<Shape extends z.ZodRawShape>(shape: Shape) {
  return z
    .object(shape)
    .catchall(z.unknown())
    .check(
      z.superRefine(
        (value, ctx) => {
          const unknown = Object.keys(value).filter((key) => !Object.hasOwn(shape, key) && !EXTENSION_KEY.test(key));
          if (unknown.length) ctx.addIssue({ code: 'unrecognized_keys', keys: unknown, input: value });
        },
        // Also when a value inside is wrong, so that all of the object's problems are reported at once, as with .strict().
        { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) },
      ),
    )
    .meta({ patternProperties: { [EXTENSION_KEY.source]: {} }, additionalProperties: false });
}

const jsonSchemaType = z.enum(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

export const PropertySchema = z
  .looseObject({
    type: z
      .union([jsonSchemaType, z.array(jsonSchemaType)], {
        error: 'Expected a JSON Schema type (string, number, integer, boolean, object, array, null) or a list of them',
      })
      .optional(),
    description: z.string().optional(),
    enum: z.array(z.unknown()).optional(),
    const: z.unknown().optional(),
    pattern: z.string().optional(),
    format: z.string().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    exclusiveMinimum: z.union([z.number(), z.boolean()]).optional(),
    exclusiveMaximum: z.union([z.number(), z.boolean()]).optional(),
    minLength: z.number().int().nonnegative().optional(),
    maxLength: z.number().int().nonnegative().optional(),
    get items() {
      return z.union([PropertySchema, z.array(PropertySchema)]).optional();
    },
    get properties() {
      return z.record(z.string(), PropertySchema).optional();
    },
    required: z.union([z.array(z.string()), z.boolean()]).optional(),
    get additionalProperties() {
      return z.union([z.boolean(), PropertySchema]).optional();
    },
    get anyOf() {
      return z.array(PropertySchema).optional();
    },
    get oneOf() {
      return z.array(PropertySchema).optional();
    },
    pii: z.boolean().optional().describe('tracklint: this property may carry personal data.'),
    $ref: z.string().optional().describe('A schema elsewhere in this plan, as a JSON Pointer: #/definitions/name. Other files are never read.'),
  })
  .describe('A JSON Schema (draft-07) for one property. An empty schema {} accepts any value.');

const PropertiesFields = {
  description: z.string().optional(),
  properties: z.record(z.string(), PropertySchema).optional(),
  required: z.array(z.string()).optional(),
  additionalProperties: z.union([z.boolean(), PropertySchema]).optional(),
};

const DestinationListSchema = z.array(z.string().min(1));

export const EventSchema = extensibleObject({
  ...PropertiesFields,
  deprecated: z.boolean().optional(),
  replacedBy: z.string().optional().describe('The event to send instead of this deprecated one.'),
  destinations: DestinationListSchema.optional().describe('The destinations that should receive this event, among the plan\'s destinations:. Absent: all of them.'),
  sources: z.array(z.string()).optional().describe('The sources (keys of the plan\'s sources:) this is sent from; sent from a file of another source, it is an event-source finding. Absent: any source.'),
});

/** `Home:` with nothing after it is an event without properties. */
const EntrySchema = EventSchema.nullable();

const ArgumentRefSchema = z.union([
  z.number().int().nonnegative(),
  extensibleObject({ arg: z.number().int().nonnegative(), field: z.string().optional() }),
]);

/** A callee's `provides:`: property keys, each once. */
const ProvidedKeysSchema = z
  .array(z.string({ error: 'Expected a property key (a non-empty string)' }).min(1, { error: 'Expected a property key (a non-empty string)' }), {
    error: 'Expected a list of property keys, such as [platform, device]',
  })
  .check(
    z.superRefine((keys, ctx) => {
      keys.forEach((key, index) => {
        if (keys.indexOf(key) !== index) ctx.addIssue({ code: 'custom', message: `'${key}' is listed twice`, path: [index], input: key });
      });
    }),
  )
  .meta({ uniqueItems: true });

export const CalleeSchema = extensibleObject({
  callee: z.string().min(1).describe('The end of the called expression: trackEvent, segment.track, analyticsService.track.'),
  kind: z.enum(['track', 'identify', 'group', 'page', 'screen', 'alias']).default('track'),
  event: ArgumentRefSchema.optional().describe('Argument index of the event name, or { arg, field } for an object argument.'),
  properties: ArgumentRefSchema.optional().describe('Argument index of the properties, or { arg, field }.'),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  provides: ProvidedKeysSchema.optional().describe(
    'Property keys the wrapper adds itself ({ ...properties, platform }): they count as present at every call of it, e.g. [platform, device].',
  ),
});

export const WrappersSchema = extensibleObject({
  infer: z
    .boolean()
    .optional()
    .describe('Follow the team\'s own wrappers automatically: a function that passes a parameter into the name of an analytics call makes each of its calls an analytics call. Default true.'),
  ignore: z
    .array(z.string().min(1))
    .optional()
    .describe('Inferred wrappers not to follow, by the name `tracklint wrappers` lists (AnalyticsService.track) or their own name (track).'),
}).describe('Wrapper inference. Wrappers declared in callees: win over inferred ones.');

const eventCasing = z.enum(['title', 'snake', 'camel', 'pascal', 'kebab', 'any']);
const propertyCasing = z.enum(['snake', 'camel', 'pascal', 'kebab', 'any']);
const severity = z.enum(['error', 'warning', 'info', 'hint', 'off']);

export const NativePlanSchema = extensibleObject({
  $schema: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  conventions: extensibleObject({ events: eventCasing.optional(), properties: propertyCasing.optional() }).optional(),
  rules: z.partialRecord(z.enum(RULE_IDS), severity).optional().describe('Severity overrides per rule id.'),
  events: z.record(z.string(), EntrySchema).optional(),
  identify: extensibleObject(PropertiesFields).nullable().optional(),
  group: extensibleObject(PropertiesFields).nullable().optional(),
  common: extensibleObject(PropertiesFields).nullable().optional().describe('Properties every track call may carry.'),
  pages: z.record(z.string(), EntrySchema).optional(),
  screens: z.record(z.string(), EntrySchema).optional(),
  callees: z.array(CalleeSchema).optional().describe('Wrapper functions the code calls instead of the SDK.'),
  wrappers: WrappersSchema.optional(),
  ignore: z.array(z.string()).optional().describe('Globs of source files to skip.'),
  destinations: DestinationListSchema.optional().describe('The destinations (Segment integrations) events are sent to, by the names the integrations option uses: Mixpanel, Google Analytics.'),
  sources: z
    .record(z.string(), z.array(z.string().min(1)))
    .optional()
    .describe('Parts of the codebase, each a list of globs relative to the plan file\'s folder: { web: ["apps/web/**"] }. A file belongs to the first source whose globs match it.'),
  definitions: z.record(z.string(), PropertySchema).optional().describe('Property schemas that properties refer to with $ref: "#/definitions/name".'),
  $defs: z.record(z.string(), PropertySchema).optional().describe('Property schemas that properties refer to with $ref: "#/$defs/name".'),
}).describe('A tracklint tracking plan.');

export type NativePlan = z.infer<typeof NativePlanSchema>;

/** A parsed `callees:` entry (from a plan or from the editor settings) as the analysis uses it. */
export function toCalleeSpec(callee: z.infer<typeof CalleeSchema>): CalleeSpec {
  // Built field by field: an `x-` extension key of the entry is not part of the spec.
  const ref = (r: typeof callee.event): ArgumentRef | undefined => (r === undefined ? undefined : typeof r === 'number' ? { arg: r } : r.field === undefined ? { arg: r.arg } : { arg: r.arg, field: r.field });
  const spec: CalleeSpec = { callee: callee.callee, kind: callee.kind, event: ref(callee.event), properties: ref(callee.properties), prefix: callee.prefix, suffix: callee.suffix };
  if (callee.provides) spec.provides = [...callee.provides];
  return spec;
}
