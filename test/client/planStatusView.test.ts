import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlanStatus } from '../../server/src/lsp/protocol';
import { describeStatus, describeStatusBar } from '../../client/src/planStatusView';

test('ok: plan name, event and problem counts, click opens the plan', () => {
  const view = describeStatus('running', { folderUri: 'file:///w', state: 'ok', planFile: '/w/tracking-plan.yaml', planName: 'Acme Shop', eventCount: 7, problemCount: 16 });
  assert.deepEqual(view, {
    text: '$(checklist) Acme Shop: 7 events · 16 problems',
    tooltip: 'tracklint — /w/tracking-plan.yaml\nClick to open the tracking plan.',
    warning: false,
    command: 'tracklint.openPlan',
  });
});

test('ok: singular counts, and a plan without a name', () => {
  assert.equal(describeStatus('running', { folderUri: 'file:///w', state: 'ok', eventCount: 1, problemCount: 1 }).text, '$(checklist) Tracking plan: 1 event · 1 problem');
  assert.equal(describeStatus('running', { folderUri: 'file:///w', state: 'ok', planName: '  ', eventCount: 0, problemCount: 0 }).text, '$(checklist) Tracking plan: 0 events · 0 problems');
});

test('invalid and missing plans: warning background, the message as tooltip', () => {
  const invalid = describeStatus('running', { folderUri: 'file:///w', state: 'invalid', planFile: '/w/tracking-plan.yaml', eventCount: 0, problemCount: 2, message: "Line 3: 'type' must be a JSON Schema type." });
  assert.deepEqual([invalid.text, invalid.warning, invalid.command], ['$(warning) tracklint: plan invalid', true, 'tracklint.openPlan']);
  assert.match(invalid.tooltip, /^Line 3: 'type' must be a JSON Schema type\./);

  const missing = describeStatus('running', { folderUri: 'file:///w', state: 'missing', eventCount: 0, problemCount: 0, message: 'No tracking-plan.yaml found.' });
  assert.deepEqual([missing.text, missing.warning, missing.command], ['$(warning) tracklint: plan missing', true, 'tracklint.openPlan']);
  assert.match(missing.tooltip, /^No tracking-plan\.yaml found\./);
});

test('before the first status the item says the server is starting; a stopped server wins over a stale plan', () => {
  assert.deepEqual(
    [describeStatus('starting', undefined).text, describeStatus('starting', undefined).warning],
    ['$(sync~spin) tracklint', false],
  );
  const stopped = describeStatus('stopped', { folderUri: 'file:///w', state: 'ok', eventCount: 3, problemCount: 0 });
  assert.deepEqual([stopped.text, stopped.warning, stopped.command], ['$(error) tracklint: server stopped', true, 'tracklint.showOutput']);
});

// ---- Several workspace folders: the status of the active editor's folder, or a summary --------------------------

const SHOP: PlanStatus = { folderUri: 'file:///ws/shop', state: 'ok', planFile: '/ws/shop/tracking-plan.yaml', planName: 'Shop', eventCount: 2, problemCount: 1 };
const BLOG: PlanStatus = { folderUri: 'file:///ws/blog', state: 'ok', planFile: '/ws/blog/tracking-plan.yaml', planName: 'Blog', eventCount: 1, problemCount: 2 };
const BLOG_INVALID: PlanStatus = { ...BLOG, state: 'invalid', message: 'The tracking plan has 1 problem(s); checking with the last valid version.' };
const DOCS_MISSING: PlanStatus = { folderUri: 'file:///ws/docs', state: 'missing', eventCount: 0, problemCount: 0, message: 'No tracking-plan.yaml, .yml or .json found in /ws/docs. Create one, or set tracklint.planPath.' };
const FOLDERS = [
  { uri: 'file:///ws/shop', name: 'shop' },
  { uri: 'file:///ws/blog', name: 'blog' },
];

test('one workspace folder: exactly the single-folder view, whatever the active editor', () => {
  const folders = [{ uri: 'file:///ws/shop', name: 'shop' }];
  for (const active of [undefined, 'file:///ws/shop/src/checkout.ts', 'untitled:Untitled-1']) {
    assert.deepEqual(describeStatusBar('running', [SHOP], active, folders), { ...describeStatus('running', SHOP), planStatus: SHOP });
  }
  const missing = { ...DOCS_MISSING, folderUri: 'file:///ws/shop' };
  assert.deepEqual(describeStatusBar('running', [missing], undefined, folders), { ...describeStatus('running', missing), planStatus: missing });
});

test("two folders: the active editor's folder's status, whichever arrived last", () => {
  for (const statuses of [[SHOP, BLOG], [BLOG, SHOP]]) {
    assert.deepEqual(describeStatusBar('running', statuses, 'file:///ws/blog/src/post.ts', FOLDERS), {
      text: '$(checklist) Blog: 1 event · 2 problems',
      tooltip: 'Folder: blog\ntracklint — /ws/blog/tracking-plan.yaml\nClick to open the tracking plan.',
      warning: false,
      command: 'tracklint.openPlan',
      planStatus: BLOG,
    });
    assert.deepEqual(describeStatusBar('running', statuses, 'file:///ws/shop/src/checkout.ts', FOLDERS), {
      text: '$(checklist) Shop: 2 events · 1 problem',
      tooltip: 'Folder: shop\ntracklint — /ws/shop/tracking-plan.yaml\nClick to open the tracking plan.',
      warning: false,
      command: 'tracklint.openPlan',
      planStatus: SHOP,
    });
  }
});

test("the active folder's broken plan names the folder; a folder whose name starts like another's is not inside it", () => {
  assert.deepEqual(describeStatusBar('running', [SHOP, BLOG_INVALID], 'file:///ws/blog/tracking-plan.yaml', FOLDERS), {
    text: '$(warning) tracklint: plan invalid in blog',
    tooltip: 'Folder: blog\nThe tracking plan has 1 problem(s); checking with the last valid version.\nClick to open the tracking plan.',
    warning: true,
    command: 'tracklint.openPlan',
    planStatus: BLOG_INVALID,
  });
  // file:///ws/shop-admin is not in file:///ws/shop: the summary.
  assert.equal(describeStatusBar('running', [SHOP, BLOG], 'file:///ws/shop-admin/a.ts', FOLDERS).text, '$(checklist) tracklint: 2 plans · 3 problems');
});

test('nested folders: the innermost folder holding the file', () => {
  const inner: PlanStatus = { ...BLOG, folderUri: 'file:///ws/shop/packages/blog' };
  const folders = [...FOLDERS, { uri: 'file:///ws/shop/packages/blog', name: 'shop-blog' }];
  assert.equal(describeStatusBar('running', [SHOP, inner], 'file:///ws/shop/packages/blog/src/post.ts', folders).planStatus, inner);
  assert.equal(describeStatusBar('running', [inner, SHOP], 'file:///ws/shop/src/checkout.ts', folders).planStatus, SHOP);
});

test('no editor in a folder, every plan valid: the number of plans and the problems summed, a line per folder in their order', () => {
  for (const active of [undefined, 'untitled:Untitled-1', 'file:///elsewhere/notes.ts']) {
    assert.deepEqual(describeStatusBar('running', [BLOG, SHOP], active, FOLDERS), {
      text: '$(checklist) tracklint: 2 plans · 3 problems',
      tooltip: 'shop — Shop: 2 events · 1 problem\nblog — Blog: 1 event · 2 problems\nClick to open the tracking plan of shop.',
      warning: false,
      command: 'tracklint.openPlan',
      planStatus: SHOP,
    });
  }
});

test('no editor in a folder: the worst state wins (invalid, then missing), naming its folder or counting them', () => {
  assert.deepEqual(describeStatusBar('running', [SHOP, BLOG_INVALID], undefined, FOLDERS), {
    text: '$(warning) tracklint: plan invalid in blog',
    tooltip: 'shop — Shop: 2 events · 1 problem\nblog — plan invalid: The tracking plan has 1 problem(s); checking with the last valid version.\nClick to open the tracking plan of blog.',
    warning: true,
    command: 'tracklint.openPlan',
    planStatus: BLOG_INVALID,
  });
  const three = [...FOLDERS, { uri: 'file:///ws/docs', name: 'docs' }];
  const missing = describeStatusBar('running', [SHOP, BLOG, DOCS_MISSING], undefined, three);
  assert.deepEqual([missing.text, missing.warning, missing.planStatus], ['$(warning) tracklint: plan missing in docs', true, DOCS_MISSING]);
  const worst = describeStatusBar('running', [DOCS_MISSING, BLOG_INVALID, SHOP], undefined, three);
  assert.deepEqual([worst.text, worst.planStatus], ['$(warning) tracklint: plan invalid in blog', BLOG_INVALID]);
  const shopInvalid = { ...SHOP, state: 'invalid' as const, message: 'The tracking plan has 2 problem(s).' };
  const two = describeStatusBar('running', [shopInvalid, BLOG_INVALID, DOCS_MISSING], undefined, three);
  assert.deepEqual([two.text, two.planStatus], ['$(warning) tracklint: plan invalid in 2 folders', shopInvalid]);
});

test('a status of files outside every folder shows for them, and stays out of the summary', () => {
  const outside: PlanStatus = { folderUri: 'file:///elsewhere', state: 'invalid', planFile: '/elsewhere/tracking-plan.yaml', eventCount: 0, problemCount: 1, message: 'The tracking plan has 1 problem(s).' };
  assert.equal(describeStatusBar('running', [SHOP, BLOG, outside], 'file:///elsewhere/a.ts', FOLDERS).planStatus, outside);
  assert.equal(describeStatusBar('running', [SHOP, BLOG, outside], undefined, FOLDERS).text, '$(checklist) tracklint: 2 plans · 3 problems');
  // Only one folder has said its status yet: that one (a part of the workspace).
  assert.deepEqual(describeStatusBar('running', [BLOG, outside], undefined, FOLDERS).planStatus, BLOG);
});

test('several folders: before any status the item spins; a stopped server says so and keeps the status for the click', () => {
  assert.equal(describeStatusBar('starting', [], undefined, FOLDERS).text, '$(sync~spin) tracklint');
  assert.equal(describeStatusBar('running', [], 'file:///ws/shop/a.ts', FOLDERS).text, '$(sync~spin) tracklint');
  for (const active of [undefined, 'file:///ws/blog/src/post.ts']) {
    const stopped = describeStatusBar('stopped', [SHOP, BLOG_INVALID], active, FOLDERS);
    assert.deepEqual([stopped.text, stopped.command, stopped.planStatus], ['$(error) tracklint: server stopped', 'tracklint.showOutput', BLOG_INVALID]);
  }
});
