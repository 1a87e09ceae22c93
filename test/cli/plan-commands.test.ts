import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { loadPlan } from '../../server/src/core/plan/load';
import { runCliCaptured } from '../helpers/cliRun';

const root = path.resolve(__dirname, '../..');
const temps: string[] = [];
after(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tracklint-plan-commands-'));
  temps.push(dir);
  return dir;
}

const cli = (args: string[], cwd: string) => runCliCaptured(args, cwd, {});

function loadsClean(file: string) {
  const loaded = loadPlan(file, readFileSync(file, 'utf8'));
  assert.deepEqual(loaded.findings, []);
  return loaded.plan!;
}

describe('tracklint init', () => {
  test('--template writes the spec as tracking-plan.yaml, pointing at the installed schema', async () => {
    const dir = tempDir();
    const { code, stdout, stderr } = await cli(['init', '--template', 'ecommerce-v2'], dir);
    assert.deepEqual([code, stdout, stderr], [0, "Wrote tracking-plan.yaml: 28 events from Segment's Ecommerce v2 spec.\n", '']);
    const text = readFileSync(path.join(dir, 'tracking-plan.yaml'), 'utf8');
    assert.equal(text.split('\n')[0], '# yaml-language-server: $schema=./node_modules/tracklint/plans/tracking-plan.schema.json');
    assert.equal(loadsClean(path.join(dir, 'tracking-plan.yaml')).events.size, 28);
  });

  test('never overwrites a plan without --force; --force does', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'tracking-plan.json'), '{ "events": {} }');
    const refused = await cli(['init', '--template', 'video'], dir);
    assert.deepEqual([refused.code, refused.stdout, refused.stderr], [2, '', 'tracklint: tracking-plan.json already exists; pass --force to overwrite it, or --out FILE to write elsewhere.\n']);
    assert.equal(existsSync(path.join(dir, 'tracking-plan.yaml')), false);
    writeFileSync(path.join(dir, 'mine.yaml'), 'events: {}\n');
    const refusedOut = await cli(['init', '--template', 'video', '--out', 'mine.yaml'], dir);
    assert.deepEqual([refusedOut.code, refusedOut.stderr], [2, 'tracklint: mine.yaml already exists; pass --force to overwrite it.\n']);
    assert.equal(readFileSync(path.join(dir, 'mine.yaml'), 'utf8'), 'events: {}\n');
    const forced = await cli(['init', '--template', 'video', '--out', 'mine.yaml', '--force'], dir);
    assert.deepEqual([forced.code, forced.stdout], [0, "Wrote mine.yaml: 16 events from Segment's Video spec.\n"]);
    assert.equal(loadsClean(path.join(dir, 'mine.yaml')).events.size, 16);
  });

  test('usage errors: no starting point, an unknown template, both at once', async () => {
    const dir = tempDir();
    const none = await cli(['init'], dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^tracklint: Choose a starting point: --template NAME \(ecommerce-v2 \(Ecommerce v2\), b2b-saas \(B2B SaaS\), video \(Video\), mobile \(Mobile\)\) or --from-code\.\n\nUsage: tracklint init/);
    const unknown = await cli(['init', '--template', 'saas'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^tracklint: Unknown template 'saas'\. Templates: ecommerce-v2/);
    const both = await cli(['init', '--template', 'video', '--from-code'], dir);
    assert.match(both.stderr, /^tracklint: Choose --template NAME or --from-code, not both\./);
    assert.equal(existsSync(path.join(dir, 'tracking-plan.yaml')), false);
  });

  test('--from-code drafts the example app (examples/shop): names, pages, traits; the dynamic name is listed', async () => {
    const dir = tempDir();
    cpSync(path.join(root, 'examples/shop'), dir, { recursive: true });
    rmSync(path.join(dir, 'tracking-plan.yaml'));
    const { code, stdout, stderr } = await cli(['init', '--from-code'], dir);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        'Wrote tracking-plan.yaml: 10 events, 1 page, identify traits, group traits, from 16 calls in 7 files.',
        '1 call with a name known only at run time was left out:',
        '  src/pages/auth.ts:12:26  string',
        '',
      ].join('\n'),
    );
    const plan = loadsClean(path.join(dir, 'tracking-plan.yaml'));
    assert.deepEqual([...plan.events.keys()], ['Checkout Start', 'Checkout Started', 'Logged In', 'Order Completed', 'Order Refunded', 'Product Added', 'Product Removed', 'Product Viewed', 'Signed Up', 'purchase_completed']);
    assert.deepEqual(plan.events.get('Product Added')!.properties, { product_id: { type: 'string' }, quantity: { type: 'number' } });
    assert.deepEqual(plan.events.get('Product Added')!.required, ['product_id']);
    // The code the plan was drafted from passes a check against it (the dynamic name is an info finding).
    const check = await cli(['check', '--format', 'json'], dir);
    assert.equal(check.code, 0, check.stdout);
  });
});

describe('tracklint import and export', () => {
  test('import converts Segment Public API rules into tracking-plan.yaml', async () => {
    const dir = tempDir();
    cpSync(path.join(root, 'test/fixtures/plans/samples/public-api-rules.json'), path.join(dir, 'rules.json'));
    const { code, stdout, stderr } = await cli(['import', 'rules.json'], dir);
    assert.deepEqual([code, stdout, stderr], [0, 'Wrote tracking-plan.yaml: 16 events from rules.json (segment-public-api).\n', '']);
    const text = readFileSync(path.join(dir, 'tracking-plan.yaml'), 'utf8');
    assert.match(text, /^# yaml-language-server: \$schema=\.\/node_modules\/tracklint\/plans\/tracking-plan\.schema\.json\n# Imported by `tracklint import` from rules\.json \(segment-public-api\)\.\n/);
    assert.equal(loadsClean(path.join(dir, 'tracking-plan.yaml')).events.size, 16);
    const again = await cli(['import', 'rules.json'], dir);
    assert.deepEqual([again.code, again.stderr], [2, 'tracklint: tracking-plan.yaml already exists; pass --force to overwrite it, or --out FILE to write elsewhere.\n']);
  });

  test('import of a file that is no usable plan prints its located problems, writes nothing, exits 2', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'broken.json'), '{ "rules": 5 }');
    const { code, stdout, stderr } = await cli(['import', 'broken.json'], dir);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, 'broken.json:1:12  error  Expected `rules` to be a list of rules ({ key, type, version, jsonSchema }), found a number.\ntracklint: broken.json cannot be imported: it is not a usable tracking plan (see above).\n');
    assert.equal(existsSync(path.join(dir, 'tracking-plan.yaml')), false);
    const missing = await cli(['import', 'nope.json'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^tracklint: Cannot read nope\.json: ENOENT/);
  });

  test('export --to segment prints the rules JSON and says what Segment has no place for', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'tracking-plan.yaml'), 'name: Tiny\nconventions: { events: title }\nevents:\n  Signed Up:\n    description: New account\n    properties: { method: { type: string } }\n    required: [method]\n');
    const { code, stdout, stderr } = await cli(['export', '--to', 'segment'], dir);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), {
      rules: [
        {
          key: 'Signed Up',
          type: 'TRACK',
          version: 1,
          jsonSchema: {
            $schema: 'http://json-schema.org/draft-07/schema#',
            type: 'object',
            description: 'New account',
            properties: { context: {}, traits: {}, properties: { type: 'object', properties: { method: { type: 'string' } }, required: ['method'] } },
          },
        },
      ],
    });
    assert.equal(stderr, "Not exported (Segment rules have no place for them): conventions, name (a rules list has none; it is the tracking plan's own).\n");
    const written = await cli(['export', '--to', 'segment', '--out', 'rules.json'], dir);
    assert.deepEqual([written.code, written.stdout], [0, 'Wrote rules.json: 1 rule from tracking-plan.yaml.\n']);
    // The export reads back as the same event.
    const back = loadPlan('rules.json', readFileSync(path.join(dir, 'rules.json'), 'utf8'));
    assert.deepEqual([back.findings, back.plan!.events.get('Signed Up')!.required], [[], ['method']]);
  });

  test('the example plan (examples/shop): export to Segment rules, import them back, the same events and properties', async () => {
    const dir = tempDir();
    const shopPlan = path.join(root, 'examples/shop/tracking-plan.yaml');
    const exported = await cli(['export', '--to', 'segment', '--plan', shopPlan, '--out', 'rules.json'], dir);
    assert.deepEqual([exported.code, exported.stdout], [0, 'Wrote rules.json: 12 rules from tracking-plan.yaml.\n']);
    assert.equal(
      exported.stderr,
      "Not exported (Segment rules have no place for them): replacedBy of 'Purchase Completed' (Order Completed), conventions, rules (severities), callees, name (a rules list has none; it is the tracking plan's own).\n",
    );
    const imported = await cli(['import', 'rules.json'], dir);
    assert.deepEqual([imported.code, imported.stdout, imported.stderr], [0, 'Wrote tracking-plan.yaml: 7 events, 2 pages, 1 screen, identify traits, group traits from rules.json (segment-public-api).\n', '']);
    const original = loadsClean(shopPlan);
    const back = loadsClean(path.join(dir, 'tracking-plan.yaml'));
    for (const [name, entry] of original.events) {
      const again = back.events.get(name)!;
      assert.deepEqual([again.properties, again.required, again.additionalProperties, again.description, again.deprecated], [entry.properties, entry.required, entry.additionalProperties, entry.description, entry.deprecated], name);
    }
    assert.deepEqual([...back.pages.keys(), ...back.screens.keys()], [...original.pages.keys(), ...original.screens.keys()]);
  });

  test('export: an unknown target or an unusable plan is exit 2', async () => {
    const dir = tempDir();
    const target = await cli(['export', '--to', 'rudderstack'], dir);
    assert.equal(target.code, 2);
    assert.match(target.stderr, /^tracklint: Unknown format 'rudderstack'\. Use --to segment\./);
    writeFileSync(path.join(dir, 'tracking-plan.yaml'), 'events:\n  A: { properties: { x: { type: strng } } }\n');
    const broken = await cli(['export', '--to', 'segment'], dir);
    assert.equal(broken.code, 2);
    assert.equal(broken.stdout, '');
    assert.match(broken.stderr, /^tracking-plan\.yaml:2:\d+  error  Expected a JSON Schema type.*\ntracklint: the tracking plan tracking-plan\.yaml cannot be used \(see above\)\.\n$/);
  });
});

describe('the built CLI (dist/tracklint.js)', { skip: !existsSync(path.join(root, 'dist/tracklint.js')) && 'run npm run build first' }, () => {
  test('init --template finds the bundled templates', () => {
    const dir = tempDir();
    const stdout = execFileSync(process.execPath, [path.join(root, 'dist/tracklint.js'), 'init', '--template', 'mobile'], { cwd: dir, encoding: 'utf8' });
    assert.equal(stdout, "Wrote tracking-plan.yaml: 12 events from Segment's Mobile spec.\n");
    assert.equal(loadsClean(path.join(dir, 'tracking-plan.yaml')).events.size, 12);
  });

  test("the language server bundle holds no Segment API client: only the user's `pull` reaches the network", () => {
    assert.equal(readFileSync(path.join(root, 'dist/server.js'), 'utf8').includes('api.segmentapis.com'), false);
    assert.equal(readFileSync(path.join(root, 'dist/tracklint.js'), 'utf8').includes('api.segmentapis.com'), true);
  });
});
