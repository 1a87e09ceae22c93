import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { loadPlan, type PlanLoadResult } from '../../server/src/core/plan/load';
import type { TrackingPlan } from '../../server/src/core/plan/model';
import { patternMatches } from '../../server/src/core/schema/regex';
import { matchesFormat } from '../../server/src/core/schema/formats';
import { runRuleTests } from '../helpers/ruleTester';

/**
 * Plans written by hand mid-edit, exported by careless tools, or crafted to hurt: each gets located
 * `invalid-plan` findings (exact range and message) or is evaluated safely — never a crash or a hang.
 */

/** [message, startLine, startCharacter, endLine, endCharacter], 0-based as loadPlan gives them. */
type Located = [string, number, number, number, number];

interface PlanCase {
  name: string;
  file: string;
  text: string;
  /** Whether the plan can still be used (the server then switches to it; otherwise it keeps the last good one). */
  usable: boolean;
  errors?: Located[];
  warnings?: Located[];
  /** Further checks on the loaded plan. */
  plan?: (plan: TrackingPlan) => void;
}

function bySeverity(result: PlanLoadResult, severity: string): Located[] {
  return result.findings
    .filter((f) => f.severity === severity)
    .map((f) => [f.message, f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character]);
}

function runPlanCases(cases: PlanCase[]): void {
  for (const c of cases) {
    test(c.name, () => {
      const result = loadPlan(c.file, c.text);
      for (const finding of result.findings) {
        assert.equal(finding.ruleId, 'invalid-plan');
        assert.equal(finding.file, c.file);
      }
      assert.deepEqual(bySeverity(result, 'error'), c.errors ?? []);
      assert.deepEqual(bySeverity(result, 'warning'), c.warnings ?? []);
      assert.equal(result.findings.length, (c.errors?.length ?? 0) + (c.warnings?.length ?? 0), 'no info or hint findings');
      assert.equal(result.plan !== undefined, c.usable, c.usable ? 'the plan should be usable' : 'the plan should be unusable');
      if (c.plan) c.plan(result.plan!);
    });
  }
}

const YAML = 'tracking-plan.yaml';
const JSON_FILE = 'tracking-plan.json';

describe('malformed YAML and JSON', () => {
  runPlanCases([
    {
      name: 'YAML truncated inside a flow mapping',
      file: YAML,
      text: 'events:\n  Order Completed:\n    properties:\n      total: { type: number\n',
      usable: false,
      errors: [['YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }.', 4, 0, 4, 1]],
    },
    { name: 'YAML indented with a tab', file: YAML, text: 'events:\n\tOrder Completed: {}\n', usable: false, errors: [['YAML syntax error: Tabs are not allowed as indentation.', 1, 0, 1, 1]] },
    { name: 'YAML with an unterminated quote', file: YAML, text: 'events:\n  "Order Completed: {}\n', usable: false, errors: [['YAML syntax error: Missing closing "quote.', 2, 0, 2, 1]] },
    {
      name: 'YAML with a key indented wrongly',
      file: YAML,
      text: 'events:\n  Order Completed:\n    properties:\n      total: { type: number }\n   required: [total]\n',
      usable: false,
      errors: [['YAML syntax error: All mapping items must start at the same column.', 4, 0, 4, 1]],
    },
    {
      name: 'JSON truncated',
      file: JSON_FILE,
      text: '{"events": {"Order Completed": {"properties": {"total": {"type": "number"}}',
      usable: false,
      errors: [['JSON syntax error: Closing brace } expected.', 0, 75, 0, 76]],
    },
    {
      name: 'JSON with an unclosed bracket',
      file: JSON_FILE,
      text: '{"events": {"Order Completed": {"required": ["total"}}}',
      usable: false,
      errors: [
        ['JSON syntax error: Comma expected.', 0, 52, 0, 53],
        ['JSON syntax error: Value expected.', 0, 52, 0, 53],
        ['JSON syntax error: Closing bracket ] expected.', 0, 55, 0, 56],
        ['JSON syntax error: Closing brace } expected.', 0, 55, 0, 56],
      ],
    },
    { name: 'JSON with a raw tab inside a string', file: JSON_FILE, text: '{"events": {"Order\tCompleted": {}}}', usable: false, errors: [['JSON syntax error: Invalid character.', 0, 12, 0, 29]] },
    { name: 'an empty JSON file', file: JSON_FILE, text: '', usable: false, errors: [['JSON syntax error: Value expected.', 0, 0, 0, 1]] },
    { name: 'an empty YAML file', file: YAML, text: '', usable: false, errors: [['A tracking plan must be an object (a mapping of keys), not an empty document.', 0, 0, 0, 0]] },
    { name: 'control characters', file: YAML, text: '\u0000\u0001\u0002\u00ff', usable: false, errors: [['A tracking plan must be an object (a mapping of keys), not a string.', 0, 0, 0, 4]] },
  ]);
});

describe('values of the wrong type', () => {
  runPlanCases([
    { name: 'a list at the top', file: YAML, text: '- Order Completed\n', usable: false, errors: [['A tracking plan must be an object (a mapping of keys), not a list.', 0, 0, 1, 0]] },
    { name: 'events as a string', file: YAML, text: 'events: Order Completed\n', usable: false, errors: [["Invalid input: expected record, received string in 'events'.", 0, 8, 0, 23]] },
    {
      // A list of events is the minimal `{ "events": [{ "name" }] }` format; a list of names is not.
      name: 'events as a list of names',
      file: YAML,
      text: 'events:\n  - Order Completed\n',
      usable: true,
      errors: [['Expected `events[0]` to be an event object { name, description, rules: { properties } }, found a string. The event is skipped.', 1, 4, 1, 19]],
      plan: (plan) => assert.equal(plan.events.size, 0),
    },
    {
      name: 'a property schema written as a string',
      file: YAML,
      text: 'events:\n  Order Completed:\n    properties:\n      total: number\n',
      usable: false,
      errors: [["Invalid input: expected object, received string in 'events.Order Completed.properties.total'.", 3, 13, 3, 19]],
    },
    {
      name: 'properties as a list',
      file: YAML,
      text: 'events:\n  Order Completed:\n    properties: [total]\n',
      usable: false,
      errors: [["Invalid input: expected record, received array in 'events.Order Completed.properties'.", 2, 16, 2, 23]],
    },
    {
      name: 'required as a string',
      file: YAML,
      text: 'events:\n  Order Completed:\n    properties:\n      total: { type: number }\n    required: total\n',
      usable: false,
      errors: [["Invalid input: expected array, received string in 'events.Order Completed.required'.", 4, 14, 4, 19]],
    },
    {
      name: 'enum as a string',
      file: YAML,
      text: 'events:\n  Order Completed:\n    properties:\n      currency: { type: string, enum: USD }\n',
      usable: false,
      errors: [["Invalid input: expected array, received string in 'events.Order Completed.properties.currency.enum'.", 3, 38, 3, 41]],
    },
    {
      name: 'an unknown type',
      file: YAML,
      text: 'events:\n  Order Completed:\n    properties:\n      total: { type: money }\n',
      usable: false,
      errors: [["Expected a JSON Schema type (string, number, integer, boolean, object, array, null) or a list of them in 'events.Order Completed.properties.total.type'.", 3, 21, 3, 26]],
    },
    {
      name: 'required names a property that is not planned, and additionalProperties: false allows no other',
      file: YAML,
      text: 'events:\n  Order Completed:\n    properties:\n      total: { type: number }\n    required: [total, currency]\n    additionalProperties: false\n',
      usable: true,
      errors: [
        [
          "'currency' is required by event 'Order Completed' but not defined in its `properties`, and `additionalProperties: false` allows no other property: no value can satisfy both. Define 'currency' under `properties` or remove it from `required`.",
          4, 22, 4, 30,
        ],
      ],
      plan: (plan) => assert.deepEqual(plan.events.get('Order Completed')?.required, ['total', 'currency']),
    },
    {
      name: 'required names an unplanned property of a nested object',
      file: YAML,
      text: 'events:\n  Order Completed:\n    properties:\n      address:\n        type: object\n        properties:\n          city: { type: string }\n        required: [zip]\n        additionalProperties: false\n',
      usable: true,
      errors: [
        [
          "'zip' is required by this schema but not defined in its `properties`, and `additionalProperties: false` allows no other property: no value can satisfy both. Define 'zip' under `properties` or remove it from `required`.",
          7, 19, 7, 22,
        ],
      ],
    },
    {
      name: 'required may name a property others are allowed beside, or a common property',
      file: YAML,
      text: 'common:\n  properties:\n    app: { type: string }\nevents:\n  Order Completed:\n    properties:\n      total: { type: number }\n    required: [app]\n  Signed Up:\n    properties: {}\n    required: [method]\n    additionalProperties: true\n',
      usable: true,
    },
  ]);
});

describe('duplicate event names', () => {
  runPlanCases([
    {
      name: 'the same key twice in JSON: reported at the second, whose value is used',
      file: JSON_FILE,
      text: '{\n  "events": {\n    "Order Completed": {},\n    "Order Completed": { "properties": { "total": { "type": "number" } } }\n  }\n}\n',
      usable: true,
      errors: [["Key 'Order Completed' is defined twice in 'events' (first on line 3); the last definition is used.", 3, 4, 3, 21]],
      plan: (plan) => {
        const entry = plan.events.get('Order Completed');
        assert.deepEqual(entry?.properties, { total: { type: 'number' } });
        assert.deepEqual(entry?.path, ['events', 'Order Completed']);
      },
    },
    {
      name: 'the same key twice in YAML',
      file: YAML,
      text: 'events:\n  Order Completed: {}\n  Signed Up: {}\n  Order Completed:\n    properties:\n      total: { type: number }\n',
      usable: true,
      errors: [["Key 'Order Completed' is defined twice in 'events' (first on line 2); the last definition is used.", 3, 2, 3, 17]],
      plan: (plan) => assert.deepEqual([...plan.events.keys()], ['Order Completed', 'Signed Up']),
    },
    {
      name: 'a keyword twice in one JSON schema',
      file: JSON_FILE,
      text: '{"events": {"A": {"properties": {"x": {"type": "string", "type": "number"}}}}}',
      usable: true,
      errors: [["Key 'type' is defined twice in 'events.A.properties.x' (first on line 1); the last definition is used.", 0, 57, 0, 63]],
      plan: (plan) => assert.deepEqual(plan.events.get('A')?.properties, { x: { type: 'number' } }),
    },
    {
      name: 'names equal after folding case and separators: a warning at each later one',
      file: YAML,
      text: 'events:\n  Order Completed: {}\n  order completed: {}\n  order_completed: {}\n  orderCompleted: {}\n',
      usable: true,
      warnings: [
        ["Event 'order completed' differs from 'Order Completed' (line 2) only in case or separators: calls may send either, and its data splits in two. Remove one, or mark the old one `deprecated` with `replacedBy`.", 2, 2, 2, 17],
        ["Event 'order_completed' differs from 'Order Completed' (line 2) only in case or separators: calls may send either, and its data splits in two. Remove one, or mark the old one `deprecated` with `replacedBy`.", 3, 2, 3, 17],
        ["Event 'orderCompleted' differs from 'Order Completed' (line 2) only in case or separators: calls may send either, and its data splits in two. Remove one, or mark the old one `deprecated` with `replacedBy`.", 4, 2, 4, 16],
      ],
      plan: (plan) => assert.equal(plan.events.size, 4),
    },
    {
      name: 'pages are folded too',
      file: YAML,
      text: 'pages:\n  Home: {}\n  home: {}\n',
      usable: true,
      warnings: [["Page 'home' differs from 'Home' (line 2) only in case or separators: calls may send either, and its data splits in two. Remove one, or mark the old one `deprecated` with `replacedBy`.", 2, 2, 2, 6]],
    },
    {
      name: 'a deprecated spelling beside the new one is a rename, not a collision',
      file: YAML,
      text: 'events:\n  Order Completed: {}\n  order_completed:\n    deprecated: true\n    replacedBy: Order Completed\n',
      usable: true,
    },
    {
      name: 'two live spellings after a deprecated one still collide with each other',
      file: YAML,
      text: 'events:\n  order_completed:\n    deprecated: true\n    replacedBy: Order Completed\n  Order Completed: {}\n  orderCompleted: {}\n',
      usable: true,
      warnings: [
        ["Event 'orderCompleted' differs from 'Order Completed' (line 5) only in case or separators: calls may send either, and its data splits in two. Remove one, or mark the old one `deprecated` with `replacedBy`.", 5, 2, 5, 16],
      ],
    },
    {
      // Imported plans spell names as the tool they came from does (Typewriter's own samples collide on purpose).
      name: 'imported formats are not folded',
      file: JSON_FILE,
      text: '{"events": [{"name": "Order Completed"}, {"name": "order_completed"}]}',
      usable: true,
    },
  ]);
});

describe('$ref', () => {
  runPlanCases([
    {
      name: 'local references to definitions, $defs and any schema in the plan are followed; keywords beside $ref refine it',
      file: YAML,
      text: [
        'definitions:',
        '  money: { type: number, minimum: 0 }',
        '$defs:',
        '  currency: { type: string, enum: [USD, EUR] }',
        'events:',
        '  Order Completed:',
        '    properties:',
        '      total: { $ref: "#/definitions/money", description: Order total }',
        '      currency: { $ref: "#/$defs/currency" }',
        '      refund: { $ref: "#/events/Order Completed/properties/total" }',
        '      lines: { type: array, items: { $ref: "#/definitions/money" } }',
        '',
      ].join('\n'),
      usable: true,
      plan: (plan) =>
        assert.deepEqual(plan.events.get('Order Completed')?.properties, {
          total: { type: 'number', minimum: 0, description: 'Order total' },
          currency: { type: 'string', enum: ['USD', 'EUR'] },
          refund: { type: 'number', minimum: 0, description: 'Order total' },
          lines: { type: 'array', items: { type: 'number', minimum: 0 } },
        }),
    },
    {
      name: 'a reference that points nowhere makes a native plan unusable',
      file: YAML,
      text: 'events:\n  Order Completed:\n    properties:\n      total: { $ref: "#/definitions/money" }\n',
      usable: false,
      errors: [["`$ref` '#/definitions/money' points to nothing in the plan.", 3, 21, 3, 42]],
    },
    {
      name: 'references that leave the plan, are no JSON Pointer, name a non-schema or an inherited key',
      file: YAML,
      text: [
        'name: Shop',
        'events:',
        '  A:',
        '    properties:',
        '      a: { $ref: "common.yaml#/definitions/money" }',
        '      b: { $ref: "https://example.com/schema.json" }',
        '      c: { $ref: "#money" }',
        '      d: { $ref: "#/name" }',
        '      e: { $ref: "#/events/constructor" }',
        '',
      ].join('\n'),
      usable: false,
      errors: [
        ["`$ref` 'common.yaml#/definitions/money' refers to another file; tracklint follows only references within the plan (`#/…`) and never reads other files.", 4, 17, 4, 49],
        ["`$ref` 'https://example.com/schema.json' refers to another file; tracklint follows only references within the plan (`#/…`) and never reads other files.", 5, 17, 5, 50],
        ["`$ref` '#money' is not a JSON Pointer; tracklint follows only references such as `#/definitions/name`.", 6, 17, 6, 25],
        ["`$ref` '#/name' points to a string, not to a schema object.", 7, 17, 7, 25],
        ["`$ref` '#/events/constructor' points to nothing in the plan.", 8, 17, 8, 39],
      ],
    },
    {
      name: 'references in a loop without a schema between them',
      file: YAML,
      text: 'definitions:\n  a: { $ref: "#/definitions/b" }\n  b: { $ref: "#/definitions/a" }\nevents:\n  A:\n    properties:\n      x: { $ref: "#/definitions/a" }\n',
      usable: false,
      errors: [["`$ref` '#/definitions/a' loops back to itself (#/definitions/a → #/definitions/b → #/definitions/a) without reaching a schema.", 2, 13, 2, 30]],
    },
    {
      name: 'a recursive schema (a tree) is followed one level; deeper levels accept any value',
      file: YAML,
      text: 'definitions:\n  node:\n    type: object\n    properties:\n      children: { type: array, items: { $ref: "#/definitions/node" } }\nevents:\n  A:\n    properties:\n      tree: { $ref: "#/definitions/node" }\n',
      usable: true,
      plan: (plan) => assert.deepEqual(plan.events.get('A')?.properties, { tree: { type: 'object', properties: { children: { type: 'array', items: {} } } } }),
    },
    {
      name: 'references that multiply (a "billion laughs") are cut off',
      file: JSON_FILE,
      text: JSON.stringify({ definitions: laughs(30), events: { A: { properties: { x: { $ref: '#/definitions/d0' } } } } }),
      usable: false,
      errors: [["The schema of property 'x' of event 'A' grows to more than 10000 schemas through its `$ref`s; tracklint does not check values against it.", 0, 2326, 0, 2353]],
    },
    {
      name: 'a chain of 5,000 references is cut off at the depth limit, reported once',
      file: JSON_FILE,
      text: JSON.stringify({ definitions: chain(5000), events: { A: { properties: { x: { $ref: '#/definitions/c0' } } } } }),
      usable: false,
      errors: [['This schema is nested more than 100 levels deep through `$ref`s; tracklint does not follow it further.', 0, 3468, 0, 3497]],
    },
    {
      name: 'Segment rules: `#` is the rule\'s JSON Schema; a broken reference is reported and accepts any value',
      file: JSON_FILE,
      text: JSON.stringify({
        rules: [
          {
            key: 'Order Completed',
            type: 'TRACK',
            version: 1,
            jsonSchema: {
              definitions: { money: { type: 'number' } },
              properties: { properties: { type: 'object', properties: { total: { $ref: '#/definitions/money' }, tax: { $ref: '#/definitions/tax' } } } },
            },
          },
        ],
      }),
      usable: true,
      errors: [["`$ref` '#/definitions/tax' points to nothing in the plan; any value is accepted there.", 0, 229, 0, 248]],
      plan: (plan) => assert.deepEqual(plan.events.get('Order Completed')?.properties, { total: { type: 'number' }, tax: {} }),
    },
  ]);
});

describe('pattern', () => {
  runPlanCases([
    {
      name: 'an invalid regular expression makes a native plan unusable',
      file: YAML,
      text: 'events:\n  A:\n    properties:\n      sku: { type: string, pattern: "^SKU-(" }\n      size: { type: string, pattern: "[z-a]" }\n',
      usable: false,
      errors: [
        ["Pattern '^SKU-(' is not a valid regular expression: missing closing ): `^SKU-(`.", 3, 36, 3, 44],
        ["Pattern '[z-a]' is not a valid regular expression: invalid character class range: `z-a`.", 4, 37, 4, 44],
      ],
    },
    {
      name: 'lookaround and backreferences are reported, and the pattern is not checked',
      file: YAML,
      text: 'events:\n  A:\n    properties:\n      a: { type: string, pattern: "^(?=.*[0-9])" }\n      b: { type: string, pattern: "(x)\\\\1" }\n      c: { type: string, pattern: "(?<=a)b" }\n',
      usable: true,
      errors: [
        ["Pattern '^(?=.*[0-9])' needs a backtracking regex engine (invalid or unsupported Perl syntax: `(?=`); tracklint evaluates patterns in linear time and does not check values against this one.", 3, 34, 3, 48],
        ["Pattern '(x)\\1' needs a backtracking regex engine (invalid escape sequence: `\\1`); tracklint evaluates patterns in linear time and does not check values against this one.", 4, 34, 4, 42],
        ["Pattern '(?<=a)b' needs a backtracking regex engine (invalid named capture: `(?<=a)b`); tracklint evaluates patterns in linear time and does not check values against this one.", 5, 34, 5, 43],
      ],
    },
    {
      name: 'patterns in nested schemas and definitions are checked where they are written',
      file: YAML,
      text: 'definitions:\n  code: { type: string, pattern: "(" }\nevents:\n  A:\n    properties:\n      codes: { type: array, items: { $ref: "#/definitions/code" } }\n      tags: { type: array, items: { type: string, pattern: "[" } }\n',
      usable: false,
      errors: [
        ["Pattern '(' is not a valid regular expression: missing closing ): `(`.", 1, 33, 1, 36],
        ["Pattern '[' is not a valid regular expression: missing closing ]: `[`.", 6, 59, 6, 62],
      ],
    },
    {
      name: 'Segment rules: an invalid pattern is reported and values are not checked against it',
      file: JSON_FILE,
      text: JSON.stringify({ rules: [{ key: 'A', type: 'TRACK', version: 1, jsonSchema: { properties: { properties: { type: 'object', properties: { sku: { type: 'string', pattern: '(' } } } } } }] }),
      usable: true,
      errors: [["Pattern '(' is not a valid regular expression: missing closing ): `(`; values are not checked against it.", 0, 153, 0, 156]],
    },
    {
      name: 'a catastrophic pattern for backtracking engines loads: RE2 evaluates it in linear time',
      file: YAML,
      text: 'events:\n  A:\n    properties:\n      word: { type: string, pattern: "(a+)+$" }\n',
      usable: true,
    },
    {
      name: 'ECMAScript escapes RE2 spells differently (\\u, \\c) are accepted',
      file: YAML,
      text: 'events:\n  A:\n    properties:\n      word: { type: string, pattern: "^\\\\u0041\\\\cJ$" }\n',
      usable: true,
    },
    {
      // tracklint does not evaluate these keywords, so it does not judge their patterns either.
      name: 'propertyNames and patternProperties are not evaluated',
      file: YAML,
      text: 'events:\n  A:\n    properties:\n      meta: { type: object, propertyNames: { pattern: "(" }, patternProperties: { "(": {} } }\n',
      usable: true,
    },
  ]);

  test('(a+)+$ against a 50,000-character value is decided in linear time', () => {
    const value = 'a'.repeat(50_000) + '!';
    const start = performance.now();
    assert.equal(patternMatches('(a+)+$', value), false);
    assert.equal(patternMatches('^(a|aa)+$', value), false);
    assert.equal(patternMatches('(a+)+!$', value), true);
    const elapsed = performance.now() - start;
    assert.ok(elapsed < 1000, `took ${elapsed.toFixed(0)} ms`);
  });

  test('the ECMAScript escapes keep their meaning', () => {
    assert.equal(patternMatches('^\\u0041\\cJ$', 'A\n'), true);
    assert.equal(patternMatches('^\\u{1F600}$', '😀'), true);
    assert.equal(patternMatches('^\\\\u0041$', '\\u0041'), true);
  });

  test('every string format is checked in linear time on a 50,000-character value', () => {
    const long = (head: string, body: string, tail: string) => head + body.repeat(50_000) + tail;
    const cases: [string, string, boolean][] = [
      ['email', long('a@', '.', ' '), false],
      ['email', long('a@b', 'c', '.de'), true],
      ['email', long('', 'a', '@b.c@'), false],
      ['date-time', long('2024-01-01T00:00:00.', '1', 'x'), false],
      ['time', long('00:00:00.', '1', 'x'), false],
      ['uri', long('a', 'b', ' '), false],
      ['uri', long('https:', '/', ''), true],
      ['ipv4', long('', '1', ''), false],
      ['uuid', long('', 'a', ''), false],
    ];
    for (const [format, value, expected] of cases) {
      const start = performance.now();
      assert.equal(matchesFormat(format, value), expected, format);
      const elapsed = performance.now() - start;
      assert.ok(elapsed < 200, `${format} took ${elapsed.toFixed(0)} ms`);
    }
  });

  test('a format named like an Object.prototype member is unknown, not a function', () => {
    assert.equal(matchesFormat('constructor', 'x'), undefined);
    assert.equal(matchesFormat('toString', 'x'), undefined);
  });
});

describe('structure', () => {
  const deepJson = (levels: number) => '{"events": {"A": {"properties": {"x": ' + '{"type":"array","items":'.repeat(levels) + '{}' + '}'.repeat(levels) + '}}}}';
  const deepYaml = (levels: number) => 'events:\n  A:\n    properties:\n      x: ' + '['.repeat(levels) + ']'.repeat(levels) + '\n';
  const TOO_DEEP = 'The plan is nested more than 100 levels deep here; tracklint does not read plans nested this deeply.';
  runPlanCases([
    { name: 'JSON nested 200 levels', file: JSON_FILE, text: deepJson(200), usable: false, errors: [[TOO_DEEP, 0, 2342, 0, 2343]] },
    // Deep enough to overflow the stack of a recursive parser; JSON with a comment takes the tolerant parser.
    { name: 'JSON nested 20,000 levels', file: JSON_FILE, text: deepJson(20_000), usable: false, errors: [[TOO_DEEP, 0, 2342, 0, 2343]] },
    { name: 'JSON with comments nested 20,000 levels', file: JSON_FILE, text: `// plan\n${deepJson(20_000)}`, usable: false, errors: [[TOO_DEEP, 1, 2342, 1, 2343]] },
    { name: 'YAML nested 300 levels', file: YAML, text: deepYaml(300), usable: false, errors: [[TOO_DEEP, 3, 105, 3, 106]] },
    // Too deep for the yaml parser's own stack: the finding goes to the 101st flow bracket (block levels are not counted there).
    { name: 'YAML nested 5,000 levels', file: YAML, text: deepYaml(5000), usable: false, errors: [[TOO_DEEP, 3, 109, 3, 110]] },
    {
      name: 'a YAML alias inside the node it names (a cyclic value)',
      file: YAML,
      text: 'events:\n  A:\n    properties:\n      x: &x { type: array, items: *x }\n',
      usable: false,
      errors: [['The alias *x is inside the node it refers to, so the plan would contain itself; tracklint cannot read it.', 3, 34, 3, 36]],
    },
    {
      name: 'YAML aliases that multiply ("billion laughs")',
      file: YAML,
      text: ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', 'events: {}', ''].join('\n'),
      usable: false,
      errors: [['YAML syntax error: Excessive alias count indicates a resource exhaustion attack.', 0, 0, 0, 1]],
    },
    {
      name: '__proto__ keys in JSON are dropped, not turned into a prototype',
      file: JSON_FILE,
      text: '{"events": {"__proto__": {"Order Completed": {}}, "Signed Up": {}}}',
      usable: true,
      errors: [["Key '__proto__' in 'events' is ignored: JavaScript reserves this name, and a plan cannot use it.", 0, 12, 0, 23]],
      plan: (plan) => assert.deepEqual([...plan.events.keys()], ['Signed Up']),
    },
    {
      name: '__proto__ keys in YAML are dropped',
      file: YAML,
      text: 'events:\n  __proto__:\n    Order Completed: {}\n  Signed Up: {}\n',
      usable: true,
      errors: [["Key '__proto__' in 'events' is ignored: JavaScript reserves this name, and a plan cannot use it.", 1, 2, 1, 11]],
      plan: (plan) => assert.deepEqual([...plan.events.keys()], ['Signed Up']),
    },
  ]);
});

describe('a 10 MB plan with 5,000 events', () => {
  for (const [format, text, budget] of [
    ['JSON', JSON.stringify(bigPlan(5000), null, 2), 2_000],
    // The yaml library parses about 1-2 MB a second; most of this is its own lexer and parser.
    ['YAML', stringify(bigPlan(5000)), 20_000],
  ] as const) {
    test(`${format}: loads completely within ${budget / 1000} s`, (t) => {
      assert.ok(text.length >= 10_000_000, `${text.length} characters`);
      const start = performance.now();
      const result = loadPlan(`tracking-plan.${format.toLowerCase()}`, text);
      const elapsed = performance.now() - start;
      t.diagnostic(`${format}: ${(text.length / 1e6).toFixed(1)} MB loaded in ${elapsed.toFixed(0)} ms`);
      assert.deepEqual(result.findings, []);
      assert.equal(result.plan?.events.size, 5000);
      assert.deepEqual(result.plan?.events.get('Event 4999')?.properties?.amount, { type: 'number', minimum: 0, description: 'An amount of money, never negative.' });
      assert.ok(elapsed < budget, `took ${elapsed.toFixed(0)} ms`);
    });
  }
});

describe('every sample plan still loads without findings', () => {
  const samples = new URL('../fixtures/plans/samples/', import.meta.url);
  for (const name of readdirSync(samples)) {
    test(name, () => {
      const result = loadPlan(name, readFileSync(new URL(name, samples), 'utf8'));
      assert.deepEqual(result.findings, []);
      assert.ok(result.plan && result.plan.events.size > 0);
    });
  }
});

describe('checks against hostile plans', () => {
  runRuleTests('property-value', {
    valid: [
      {
        name: 'a referenced enum accepts its values',
        plan: 'definitions:\n  currency: { type: string, enum: [USD, EUR] }\nevents:\n  Order Completed:\n    properties:\n      currency: { $ref: "#/definitions/currency" }\n',
        code: `analytics.track('Order Completed', { currency: 'EUR' });`,
      },
    ],
    invalid: [
      {
        name: 'a referenced enum rejects other values',
        plan: 'definitions:\n  currency: { type: string, enum: [USD, EUR] }\nevents:\n  Order Completed:\n    properties:\n      currency: { $ref: "#/definitions/currency" }\n',
        code: `analytics.track('Order Completed', { currency: 'usd' });`,
        errors: [{ message: `Property 'currency' of event 'Order Completed' must be one of "USD", "EUR"; found "usd".`, line: 1, column: 48, endLine: 1, endColumn: 53 }],
      },
      {
        name: '(a+)+$ against a 50,000-character literal',
        plan: 'events:\n  A:\n    properties:\n      word: { type: string, pattern: "(a+)+$" }\n',
        code: `analytics.track('A', { word: '${'a'.repeat(50_000)}!' });`,
        errors: [{ message: `Property 'word' of event 'A' must match the pattern /(a+)+$/; found "${'a'.repeat(50_000)}!".`, line: 1, column: 30, endLine: 1, endColumn: 50_033 }],
      },
    ],
  });

  runRuleTests('unknown-property', {
    valid: [],
    invalid: [
      {
        name: 'keys named like Object.prototype members are not planned by it',
        plan: 'events:\n  A:\n    properties:\n      x: { type: string }\n',
        code: `analytics.track('A', { x: 'a', constructor: 'b', toString: 'c' });`,
        errors: [
          { message: "Property 'constructor' is not in the tracking plan for event 'A'.", line: 1, column: 32, endLine: 1, endColumn: 43 },
          { message: "Property 'toString' is not in the tracking plan for event 'A'.", line: 1, column: 50, endLine: 1, endColumn: 58 },
        ],
      },
    ],
  });
});

/** A plan of `events` events of about 2 KB each, with references and patterns as real plans have. */
function bigPlan(events: number) {
  const plan: Record<string, unknown> = {
    name: 'Big',
    definitions: { money: { type: 'number', minimum: 0, description: 'An amount of money, never negative.' } },
    events: {},
  };
  for (let i = 0; i < events; i++) {
    const properties: Record<string, unknown> = { amount: { $ref: '#/definitions/money' }, sku: { type: 'string', pattern: '^SKU-[0-9]+$' } };
    for (let j = 0; j < 8; j++) {
      properties[`property_${j}`] = { type: 'string', description: `Property ${j} of event ${i}, described at the length real plans describe things.`, enum: ['alpha', 'beta', 'gamma', 'delta'] };
    }
    (plan.events as Record<string, unknown>)[`Event ${i}`] = { description: `Event number ${i}`, properties, required: ['amount', 'property_0'] };
  }
  return plan;
}

/** Definitions d0…d(n-1), each a choice between two references to the next: 2^n schemas from n lines. */
function laughs(n: number): Record<string, unknown> {
  const definitions: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) definitions[`d${i}`] = { anyOf: [{ $ref: `#/definitions/d${i + 1}` }, { $ref: `#/definitions/d${i + 1}` }] };
  definitions[`d${n}`] = { type: 'string' };
  return definitions;
}

/** Definitions c0…c(n-1), each a reference to the next. */
function chain(n: number): Record<string, unknown> {
  const definitions: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) definitions[`c${i}`] = { $ref: `#/definitions/c${i + 1}` };
  definitions[`c${n}`] = { type: 'string' };
  return definitions;
}
