import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, RuleId, Severity } from '../../server/src/core/types';
import type { FileResult, FormatOptions } from '../../server/src/cli/formatters/types';
import { json } from '../../server/src/cli/formatters/json';
import { createStylishFormatter, stylish } from '../../server/src/cli/formatters/stylish';
import { sarif } from '../../server/src/cli/formatters/sarif';
import { github } from '../../server/src/cli/formatters/github';
import { FORMATTERS, isFormatName } from '../../server/src/cli/formatters/index';

const cwd = path.resolve('/repo');
const appFile = path.join(cwd, 'src', 'app.ts');
const emptyFile = path.join(cwd, 'src', 'empty.ts');
const checkoutFile = path.join(cwd, 'lib', 'checkout page.ts');

const options: FormatOptions = {
  cwd,
  version: '1.2.3',
  ruleDocsUrl: (id) => `https://example.com/tracklint/docs/rules/${id}.md`,
};

function finding(
  ruleId: RuleId,
  severity: Severity,
  message: string,
  file: string,
  [sl, sc, el, ec]: [number, number, number, number],
): Finding {
  return { ruleId, severity, message, file, range: { start: { line: sl, character: sc }, end: { line: el, character: ec } } };
}

const TRICKY = 'Unknown event "100% done": not in plan, see docs\r\nfor details';

/** Findings deliberately out of position order: formatters sort by line, then column. */
const results: FileResult[] = [
  {
    filePath: appFile,
    findings: [
      finding('property-name-casing', 'warning', 'Property "userId" should be snake_case', appFile, [11, 4, 11, 12]),
      finding('unknown-event', 'error', TRICKY, appFile, [0, 0, 0, 14]),
      finding('deprecated-event', 'info', 'Event "Old Event" is deprecated', appFile, [11, 2, 13, 1]),
    ],
  },
  { filePath: emptyFile, findings: [] },
  {
    filePath: checkoutFile,
    findings: [
      finding('missing-required-property', 'error', 'Missing required property "plan"', checkoutFile, [4, 9, 4, 20]),
    ],
  },
];

const ANSI = /\u001b\[\d+m/g;

describe('json', () => {
  const expected = [
    {
      filePath: appFile,
      messages: [
        { ruleId: 'unknown-event', severity: 2, message: TRICKY, line: 1, column: 1, endLine: 1, endColumn: 15 },
        { ruleId: 'deprecated-event', severity: 1, message: 'Event "Old Event" is deprecated', line: 12, column: 3, endLine: 14, endColumn: 2 },
        { ruleId: 'property-name-casing', severity: 1, message: 'Property "userId" should be snake_case', line: 12, column: 5, endLine: 12, endColumn: 13 },
      ],
      errorCount: 1,
      warningCount: 1,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    },
    {
      filePath: emptyFile,
      messages: [],
      errorCount: 0,
      warningCount: 0,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    },
    {
      filePath: checkoutFile,
      messages: [
        { ruleId: 'missing-required-property', severity: 2, message: 'Missing required property "plan"', line: 5, column: 10, endLine: 5, endColumn: 21 },
      ],
      errorCount: 1,
      warningCount: 0,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    },
  ];

  test('matches ESLint JSON shape, sorted, with 1-based positions', () => {
    assert.deepEqual(JSON.parse(json(results, options)), expected);
  });

  test('is a single line with ESLint key order', () => {
    const out = json(results, options);
    assert.equal(out, JSON.stringify(expected));
    assert.ok(!out.includes('\n'));
  });

  test('no results gives an empty array', () => {
    assert.equal(json([], options), '[]');
  });
});

describe('stylish', () => {
  const expected =
    'src/app.ts\n' +
    '   1:1  error    Unknown event "100% done": not in plan, see docs for details  unknown-event\n' +
    '  12:3  info     Event "Old Event" is deprecated                               deprecated-event\n' +
    '  12:5  warning  Property "userId" should be snake_case                        property-name-casing\n' +
    '\n' +
    'lib/checkout page.ts\n' +
    '  5:10  error  Missing required property "plan"  missing-required-property\n' +
    '\n' +
    '\u2716 4 problems (2 errors, 1 warning, 1 info)\n';

  test('exact output without colour', () => {
    assert.equal(stylish(results, options), expected);
    assert.equal(createStylishFormatter({ color: false })(results, options), expected);
  });

  test('colour mode adds ANSI codes around the same text', () => {
    const out = createStylishFormatter({ color: true })(results, options);
    assert.match(out, /\u001b\[4m/); // underlined path
    assert.match(out, /\u001b\[31merror/); // red error
    assert.equal(out.replace(ANSI, ''), expected);
  });

  test('singular wording', () => {
    const one: FileResult[] = [{ filePath: checkoutFile, findings: results[2]!.findings }];
    assert.equal(
      stylish(one, options),
      'lib/checkout page.ts\n' +
        '  5:10  error  Missing required property "plan"  missing-required-property\n' +
        '\n' +
        '\u2716 1 problem (1 error, 0 warnings, 0 infos)\n',
    );
  });

  test('no findings', () => {
    assert.equal(stylish([{ filePath: emptyFile, findings: [] }], options), 'No problems found.\n');
    assert.equal(stylish([], options), 'No problems found.\n');
    assert.equal(createStylishFormatter({ color: true })([], options), 'No problems found.\n');
  });
});

describe('sarif', () => {
  const region = (startLine: number, startColumn: number, endLine: number, endColumn: number) => ({
    startLine,
    startColumn,
    endLine,
    endColumn,
  });
  const location = (uri: string, r: ReturnType<typeof region>) => [
    { physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: r } },
  ];
  const docs = (id: string) => `https://example.com/tracklint/docs/rules/${id}.md`;
  const expected = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tracklint',
            version: '1.2.3',
            informationUri: 'https://example.com/tracklint/docs/rules/',
            rules: [
              { id: 'deprecated-event', helpUri: docs('deprecated-event') },
              { id: 'missing-required-property', helpUri: docs('missing-required-property') },
              { id: 'property-name-casing', helpUri: docs('property-name-casing') },
              { id: 'unknown-event', helpUri: docs('unknown-event') },
            ],
          },
        },
        columnKind: 'utf16CodeUnits',
        results: [
          {
            ruleId: 'unknown-event',
            ruleIndex: 3,
            level: 'error',
            message: { text: TRICKY },
            locations: location('src/app.ts', region(1, 1, 1, 15)),
          },
          {
            ruleId: 'deprecated-event',
            ruleIndex: 0,
            level: 'note',
            message: { text: 'Event "Old Event" is deprecated' },
            locations: location('src/app.ts', region(12, 3, 14, 2)),
          },
          {
            ruleId: 'property-name-casing',
            ruleIndex: 2,
            level: 'warning',
            message: { text: 'Property "userId" should be snake_case' },
            locations: location('src/app.ts', region(12, 5, 12, 13)),
          },
          {
            ruleId: 'missing-required-property',
            ruleIndex: 1,
            level: 'error',
            message: { text: 'Missing required property "plan"' },
            locations: location('lib/checkout%20page.ts', region(5, 10, 5, 21)),
          },
        ],
      },
    ],
  };

  test('SARIF 2.1.0 log', () => {
    assert.deepEqual(JSON.parse(sarif(results, options)), expected);
  });

  test('pretty-printed with two spaces', () => {
    assert.equal(sarif(results, options), JSON.stringify(expected, null, 2));
  });

  test('no findings: empty rules and results; no informationUri without absolute doc URLs', () => {
    const log = JSON.parse(sarif([{ filePath: emptyFile, findings: [] }], { ...options, ruleDocsUrl: (id) => `docs/rules/${id}.md` }));
    assert.deepEqual(log.runs[0].tool.driver, { name: 'tracklint', version: '1.2.3', rules: [] });
    assert.deepEqual(log.runs[0].results, []);
  });

  test('a file outside cwd gets an absolute file URI', () => {
    const outside = path.resolve('/elsewhere/plan.yaml');
    const log = JSON.parse(
      sarif([{ filePath: outside, findings: [finding('invalid-plan', 'error', 'Bad plan', outside, [0, 0, 0, 1])] }], options),
    );
    assert.deepEqual(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation, {
      uri: pathToFileURL(outside).href,
    });
  });
});

describe('github', () => {
  test('one workflow command per finding, escaped', () => {
    assert.deepEqual(github(results, options).split('\n'), [
      '::error file=src/app.ts,line=1,col=1,endLine=1,endColumn=15,title=tracklint (unknown-event)::Unknown event "100%25 done": not in plan, see docs%0D%0Afor details',
      '::notice file=src/app.ts,line=12,col=3,endLine=14,endColumn=2,title=tracklint (deprecated-event)::Event "Old Event" is deprecated',
      '::warning file=src/app.ts,line=12,col=5,endLine=12,endColumn=13,title=tracklint (property-name-casing)::Property "userId" should be snake_case',
      '::error file=lib/checkout page.ts,line=5,col=10,endLine=5,endColumn=21,title=tracklint (missing-required-property)::Missing required property "plan"',
      '',
    ]);
  });

  test('property values escape %, :, , and newlines', () => {
    const odd = path.join(cwd, 'a,b:c 100%.ts');
    const out = github([{ filePath: odd, findings: [finding('unknown-event', 'warning', 'x', odd, [2, 3, 2, 4])] }], options);
    assert.equal(out, '::warning file=a%2Cb%3Ac 100%25.ts,line=3,col=4,endLine=3,endColumn=5,title=tracklint (unknown-event)::x\n');
  });

  test('no findings gives no output', () => {
    assert.equal(github([{ filePath: emptyFile, findings: [] }], options), '');
  });
});

describe('index', () => {
  test('FORMATTERS and isFormatName', () => {
    assert.deepEqual(Object.keys(FORMATTERS).sort(), ['github', 'json', 'sarif', 'stylish']);
    assert.equal(FORMATTERS.json, json);
    assert.equal(FORMATTERS.stylish, stylish);
    assert.equal(FORMATTERS.sarif, sarif);
    assert.equal(FORMATTERS.github, github);
    for (const name of ['stylish', 'json', 'sarif', 'github']) assert.ok(isFormatName(name), name);
    for (const name of ['junit', 'toString', '__proto__', '', undefined]) assert.ok(!isFormatName(name), String(name));
  });
});
