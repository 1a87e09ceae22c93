import { github } from './github';
import { json } from './json';
import { sarif } from './sarif';
import { stylish } from './stylish';
import type { Formatter } from './types';

export type { FileResult, FormatOptions, Formatter } from './types';
export { createStylishFormatter, type StylishOptions } from './stylish';

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github';

/** The `--format` choices. `stylish` here is without colour; use createStylishFormatter({ color }) for a TTY. */
export const FORMATTERS: Record<FormatName, Formatter> = { stylish, json, sarif, github };

export function isFormatName(name: unknown): name is keyof typeof FORMATTERS {
  return typeof name === 'string' && Object.hasOwn(FORMATTERS, name);
}
