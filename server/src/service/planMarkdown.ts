import { describeSchema, type JsonSchema } from '../core/plan/jsonSchema';
import type { PlanEntry } from '../core/plan/model';

/** Markdown for an event (page, screen, identify, group) as the plan describes it: hover and completion docs. */
export function entryMarkdown(entry: PlanEntry): string {
  const title = entry.kind === 'identify' ? 'identify traits' : entry.kind === 'group' ? 'group traits' : `${entry.kind === 'track' ? 'Event' : entry.kind === 'page' ? 'Page' : 'Screen'} **${escapeMarkdown(entry.name)}**`;
  const lines = [title];
  if (entry.deprecated) lines.push('', `⚠️ **Deprecated**${entry.replacedBy ? `: use **${escapeMarkdown(entry.replacedBy)}** instead.` : '.'}`);
  if (entry.description) lines.push('', escapeMarkdown(entry.description));
  const properties = Object.entries(entry.properties ?? {});
  if (properties.length) {
    lines.push('', '| Property | Type | Required | Allowed values |', '|---|---|---|---|');
    for (const [key, schema] of properties) {
      lines.push(`| \`${key}\` | ${cell(typeOf(schema))} | ${entry.required.includes(key) ? 'yes' : ''} | ${cell(allowedValues(schema))} |`);
    }
  } else if (entry.properties === undefined) {
    lines.push('', '_No properties planned: any are accepted._');
  } else {
    lines.push('', '_No properties._');
  }
  if (entry.additionalProperties === false) lines.push('', 'No other properties are allowed.');
  return lines.join('\n');
}

/** Markdown for one property schema: hover on a key, completion docs. */
export function propertyMarkdown(key: string, schema: JsonSchema, required: boolean, owner: string): string {
  const lines = [`\`${key}\`: \`${typeOf(schema)}\`${required ? ' — **required**' : ''}`, '', `in ${escapeMarkdown(owner)}`];
  if (typeof schema.description === 'string' && schema.description) lines.push('', escapeMarkdown(schema.description));
  const allowed = allowedValues(schema);
  if (allowed) lines.push('', `Allowed values: ${allowed}`);
  return lines.join('\n');
}

function typeOf(schema: JsonSchema): string {
  return schema.enum || schema.const !== undefined ? describeSchema({ ...schema, enum: undefined, const: undefined }) : describeSchema(schema);
}

/** Enum, const, pattern, range and length constraints in a short form. */
export function allowedValues(schema: JsonSchema): string {
  const parts: string[] = [];
  if (Array.isArray(schema.enum)) parts.push(schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(', '));
  if (schema.const !== undefined) parts.push(`\`${JSON.stringify(schema.const)}\``);
  if (typeof schema.pattern === 'string') parts.push(`matches \`/${schema.pattern}/\``);
  if (typeof schema.minimum === 'number') parts.push(`≥ ${schema.minimum}`);
  if (typeof schema.maximum === 'number') parts.push(`≤ ${schema.maximum}`);
  if (typeof schema.exclusiveMinimum === 'number') parts.push(`> ${schema.exclusiveMinimum}`);
  if (typeof schema.exclusiveMaximum === 'number') parts.push(`< ${schema.exclusiveMaximum}`);
  if (typeof schema.minLength === 'number') parts.push(`at least ${schema.minLength} characters`);
  if (typeof schema.maxLength === 'number') parts.push(`at most ${schema.maxLength} characters`);
  return parts.join('; ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}
