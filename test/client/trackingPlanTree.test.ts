import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planTreeRoots, workspaceTreeRoots, type PlanTreeNode } from '../../client/src/trackingPlanTree';
import type { CoverageReport, CoverageSite } from '../../server/src/core/coverage/report';

const root = '/w';
const site = (file: string, line: number, character: number, source?: string): CoverageSite => ({
  file: `${root}/${file}`,
  range: { start: { line, character }, end: { line, character: character + 5 } },
  ...(source ? { source } : {}),
});

const REPORT: CoverageReport = {
  sources: ['web', 'server'],
  planned: [
    { kind: 'track', name: 'Order Completed', deprecated: false, plannedSources: ['web'], sites: [site('apps/web/checkout.ts', 3, 16, 'web'), site('services/orders.ts', 1, 18, 'server')], bySource: { web: 1, server: 1 }, unassigned: 0, offSource: 1 },
    { kind: 'track', name: 'Signed Up', deprecated: false, sites: [site('seed.ts', 0, 16)], bySource: { web: 0, server: 0 }, unassigned: 1, offSource: 0 },
    { kind: 'track', name: 'Wishlist Shared', deprecated: false, sites: [], bySource: { web: 0, server: 0 }, unassigned: 0, offSource: 0 },
    { kind: 'track', name: 'Old Checkout', deprecated: true, sites: [], bySource: { web: 0, server: 0 }, unassigned: 0, offSource: 0 },
    { kind: 'page', name: 'Home', deprecated: false, sites: [site('apps/web/checkout.ts', 4, 17, 'web')], bySource: { web: 1, server: 0 }, unassigned: 0, offSource: 0 },
  ],
  unplanned: [{ kind: 'track', name: 'Checkout Start', sites: [site('apps/web/checkout.ts', 11, 18, 'web')] }],
  dynamic: [{ ...site('apps/web/checkout.ts', 10, 18, 'web'), kind: 'track', typeText: 'string' }],
};

/** The tree as nested [label, description, icon, target line] tuples: what the user sees and where a click goes. */
function shape(nodes: PlanTreeNode[]): unknown[] {
  return nodes.map((n) => [n.label, n.description ?? null, n.icon ?? null, n.target ? `${n.target.file.slice(root.length + 1)}:${n.target.range.start.line + 1}` : null, ...(n.children.length ? [shape(n.children)] : [])]);
}

describe('Tracking Plan view', () => {
  test('events with call counts per source, each call site a click away; pages, off-plan and dynamic names in groups', () => {
    assert.deepEqual(shape(planTreeRoots({ root, state: 'ok', report: REPORT, markdown: '' })), [
      ['Order Completed', '2 calls · web 1, server 1', 'warning', 'apps/web/checkout.ts:4', [
        ['checkout.ts:4', 'apps/web · web', 'go-to-file', 'apps/web/checkout.ts:4'],
        ['orders.ts:2', 'services · server', 'go-to-file', 'services/orders.ts:2'],
      ]],
      ['Signed Up', '1 call · no source 1', 'pass', 'seed.ts:1', [['seed.ts:1', null, 'go-to-file', 'seed.ts:1']]],
      ['Wishlist Shared', 'never sent', 'circle-outline', null],
      ['Old Checkout', 'never sent · deprecated', 'history', null],
      ['Pages (1)', null, 'browser', null, [['Home', '1 call · web 1', 'pass', 'apps/web/checkout.ts:5', [['checkout.ts:5', 'apps/web · web', 'go-to-file', 'apps/web/checkout.ts:5']]]]],
      ['Not in the plan (1)', null, 'question', null, [['Checkout Start', '1 call', 'error', 'apps/web/checkout.ts:12', [['checkout.ts:12', 'apps/web · web', 'go-to-file', 'apps/web/checkout.ts:12']]]]],
      ['Dynamic names (1)', null, 'symbol-variable', null, [['checkout.ts:11', 'apps/web · web', 'go-to-file', 'apps/web/checkout.ts:11']]],
    ]);
  });

  test('tooltips say what is planned and what is wrong; ids are stable and unique', () => {
    const roots = planTreeRoots({ root, state: 'ok', report: REPORT, markdown: '' });
    assert.equal(roots[0].tooltip, "Order Completed: 2 calls · web 1, server 1.\nPlanned for: web.\n1 call from a source it is not planned for (event-source).");
    assert.equal(roots[3].tooltip, 'Old Checkout: never sent.\nPlanned for any source.\nDeprecated.');
    assert.equal(roots[6].children[0].tooltip, "An event name of type 'string': it cannot be checked against the plan.");
    const ids: string[] = [];
    const walk = (nodes: PlanTreeNode[]) => nodes.forEach((n) => (ids.push(n.id), walk(n.children)));
    walk(roots);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(roots[0].children[1].id, 'planned:track:Order Completed@services/orders.ts:2:18');
  });

  test('without a report: one message saying why', () => {
    assert.deepEqual(shape(planTreeRoots(null)), [['Open a folder with a tracking plan to see its events.', null, 'info', null]]);
    assert.deepEqual(shape(planTreeRoots({ root, state: 'missing' })), [['No tracking plan found. Run "tracklint: Open Tracking Plan" to create one.', null, 'warning', null]]);
    assert.deepEqual(shape(planTreeRoots({ root, state: 'invalid', planFile: '/w/tracking-plan.yaml' })), [['The tracking plan has problems: see the Problems view.', null, 'warning', null]]);
  });

  test('a plan without sources: counts only', () => {
    const plain: CoverageReport = { sources: [], planned: [{ kind: 'track', name: 'A', deprecated: false, sites: [site('a.ts', 0, 0)], bySource: {}, unassigned: 1, offSource: 0 }], unplanned: [], dynamic: [] };
    assert.deepEqual(shape(planTreeRoots({ root, state: 'ok', report: plain })), [['A', '1 call', 'pass', 'a.ts:1', [['a.ts:1', null, 'go-to-file', 'a.ts:1']]]]);
  });

  test('a multi-root workspace: a node per folder, shown expanded, with its own plan\'s tree; ids unique across folders', () => {
    const blog: CoverageReport = { sources: [], planned: [{ kind: 'track', name: 'Post Read', deprecated: false, sites: [{ file: '/b/post.ts', range: { start: { line: 2, character: 18 }, end: { line: 2, character: 29 } } }], bySource: {}, unassigned: 1, offSource: 0 }], unplanned: [], dynamic: [] };
    const roots = workspaceTreeRoots([
      { root, state: 'ok', report: REPORT, planFile: '/w/tracking-plan.yaml' },
      { root: '/b', state: 'ok', report: blog, planFile: '/b/tracking-plan.yaml' },
      { root: '/c', state: 'missing' },
    ]);
    assert.deepEqual(
      roots.map((n) => [n.id, n.label, n.description, n.tooltip, n.icon, n.expanded, n.children.length]),
      [
        ['folder:/w', 'w', '5 planned names', '/w/tracking-plan.yaml', 'root-folder', true, 7],
        ['folder:/b', 'b', '1 planned name', '/b/tracking-plan.yaml', 'root-folder', true, 1],
        ['folder:/c', 'c', 'no tracking plan', '/c', 'root-folder', true, 1],
      ],
    );
    assert.deepEqual(shape(roots[1].children), [['Post Read', '1 call', 'pass', 'post.ts:3', [['post.ts:3', null, 'go-to-file', 'post.ts:3']]]]);
    assert.equal(roots[0].children[0].children[1].id, 'folder:/w/planned:track:Order Completed@services/orders.ts:2:18');
    assert.equal(roots[1].children[0].children[0].id, 'folder:/b/planned:track:Post Read@post.ts:3:18');
    assert.deepEqual(shape(roots[2].children), [['No tracking plan found. Run "tracklint: Open Tracking Plan" to create one.', null, 'warning', null]]);
  });

  test('one folder: its tree as it is; no folder: the message', () => {
    assert.deepEqual(workspaceTreeRoots([{ root, state: 'ok', report: REPORT }]), planTreeRoots({ root, state: 'ok', report: REPORT }));
    assert.deepEqual(shape(workspaceTreeRoots([])), [['Open a folder with a tracking plan to see its events.', null, 'info', null]]);
  });
});
