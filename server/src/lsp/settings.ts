import { DEFAULT_MAX_FILE_SIZE } from '../core/fileSize';
import { z } from 'zod';
import { CalleeSchema, toCalleeSpec } from '../core/plan/nativeSchema';
import type { CalleeSpec } from '../core/plan/model';
import { RULE_IDS, type RuleId, type SeveritySetting } from '../core/types';

/** The settings as the server uses them: validated, with defaults filled in. */
export interface ServerSettings {
  planPath: string;
  callees: CalleeSpec[];
  rules: Partial<Record<RuleId, SeveritySetting>>;
  debounce: number;
  maxFileSize: number;
}

export const DEFAULT_SETTINGS: ServerSettings = { planPath: '', callees: [], rules: {}, debounce: 150, maxFileSize: DEFAULT_MAX_FILE_SIZE };

const FIELDS = {
  planPath: z.string(),
  callees: z.array(CalleeSchema),
  rules: z.partialRecord(z.enum(RULE_IDS), z.enum(['error', 'warning', 'info', 'hint', 'off'])),
  debounce: z.number().int().min(0).max(10_000),
  maxFileSize: z.number().int().positive(),
};

/**
 * Merges what the client sent onto the defaults, field by field: a wrong value for one setting is
 * reported and replaced by its default, and never costs the others.
 */
export function parseSettings(raw: unknown): { settings: ServerSettings; problems: string[] } {
  const settings: ServerSettings = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  for (const [key, schema] of Object.entries(FIELDS) as [keyof ServerSettings, z.ZodType][]) {
    if (input[key] === undefined || input[key] === null) continue;
    const parsed = schema.safeParse(input[key]);
    if (parsed.success) (settings as unknown as Record<string, unknown>)[key] = key === 'callees' ? (parsed.data as z.infer<typeof FIELDS.callees>).map(toCalleeSpec) : parsed.data;
    else problems.push(`tracklint.${key}: ${parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}`).join('; ')} — using the default.`);
  }
  return { settings, problems };
}
