import type { Random } from './fuzzRandom';

/** Names the fuzzer types: the plan's events and properties, so edits often make calls the rules judge. */
export interface Vocabulary {
  events: string[];
  properties: string[];
}

/** Typing that half-builds analytics calls: what a keystroke-by-keystroke editor sends most of the time. */
const CALL_FRAGMENTS = [
  "analytics.track('",
  'analytics.track("',
  'analytics.track(`',
  'analytics.identify(',
  'analytics.page(',
  'window.analytics.track(',
  '.track(',
  'track',
  '({ ',
  ' })',
  ', { ',
  ': ',
  "', ",
  '});\n',
  '${',
  '...',
  '// tracklint-disable-next-line\n',
  '/* ',
  ' */',
  'const x = ',
  'export function f() {\n',
  'import { EVENTS } from "./events";\n',
];

const PUNCTUATION = ["'", '"', '`', '{', '}', '(', ')', '[', ']', ',', ';', ':', '.', '\\', '/', '\n', '\r\n', '\r', '\t', ' ', '<', '>', '=>', '?', '!', '@', '#'];

/** Non-ASCII in every UTF-16 shape: BMP letters, CJK, astral (surrogate pairs), a combining mark, a BOM, a lone half. */
const NON_ASCII = ['é', 'ß', 'Ж', '日本語', '😀', '👩‍👩‍👧', '𝔘𝔫𝔦', 'e\u0301', '\uFEFF', '\u2028', '\uD83D', '\uDE00', '\u0000'];

export function randomGarbage(random: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(32 + random.int(95));
  return text;
}

/** One inserted text: quotes, braces, commas, event and property names, garbage, non-ASCII, line breaks. */
export function randomInsertion(random: Random, vocabulary: Vocabulary): string {
  switch (random.weighted({ fragment: 4, punctuation: 4, event: 3, quotedEvent: 3, property: 2, objectLiteral: 2, garbage: 2, nonAscii: 2, lines: 1, call: 2 })) {
    case 'fragment':
      return random.pick(CALL_FRAGMENTS);
    case 'punctuation':
      return random.pick(PUNCTUATION);
    case 'event':
      return random.pick(vocabulary.events);
    case 'quotedEvent': {
      const quote = random.pick(["'", '"', '`']);
      return `${quote}${random.pick(vocabulary.events)}${random.chance(0.8) ? quote : ''}`;
    }
    case 'property':
      return `${random.pick(vocabulary.properties)}${random.chance(0.5) ? ': ' : ''}`;
    case 'objectLiteral':
      return `{ ${vocabulary.properties
        .filter(() => random.chance(0.4))
        .map((name) => `${name}: ${random.pick(["'x'", '1', 'true', 'null', '[]', '{}', 'undefined', "'USD'", '-1'])}`)
        .join(', ')} }`;
    case 'garbage':
      return randomGarbage(random, 1 + random.int(12));
    case 'nonAscii':
      return random.pick(NON_ASCII);
    case 'lines':
      return random.pick(['\n', '\r\n']).repeat(1 + random.int(3));
    case 'call':
      return `analytics.track(${random.chance(0.5) ? `'${random.pick(vocabulary.events)}'` : `'${randomGarbage(random, 4)}'`}${random.chance(0.6) ? `, { ${random.pick(vocabulary.properties)}: 'v' }` : ''});\n`;
  }
  throw new Error('unreachable');
}
