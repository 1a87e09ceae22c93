import * as path from 'node:path';
import type { CoverageReport, CoverageSite, PlannedCoverage } from '../../server/src/core/coverage/report';
import type { CoverageResult } from '../../server/src/lsp/protocol';

/**
 * What the "Tracking Plan" view shows, computed from the server's coverage report: pure, so it is
 * tested without VS Code (trackingPlanView.ts turns these nodes into TreeItems).
 */

export interface PlanTreeNode {
  /** Stable across refreshes, so VS Code keeps what the user expanded. */
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon name. */
  icon?: string;
  children: PlanTreeNode[];
  /** Where a click goes: the call site (for a name, its first one). */
  target?: CoverageSite;
  /** Shown expanded at first (a workspace folder's node); other nodes with children start collapsed. */
  expanded?: boolean;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The view of the whole workspace: one folder's tree as it is; in a multi-root workspace, a node per workspace folder
 * (shown expanded) holding that folder's tree, made from its own plan.
 */
export function workspaceTreeRoots(results: CoverageResult[] | null | undefined): PlanTreeNode[] {
  if (!results?.length) return planTreeRoots(null);
  if (results.length === 1) return planTreeRoots(results[0]);
  return results.map((result) => {
    const id = `folder:${result.root}`;
    const description = result.report ? `${plural(result.report.planned.length, 'planned name')}` : result.state === 'missing' ? 'no tracking plan' : 'plan has problems';
    return { id, label: path.basename(result.root), description, tooltip: result.planFile ?? result.root, icon: 'root-folder', expanded: true, children: withIdPrefix(`${id}/`, planTreeRoots(result)) };
  });
}

/** The same nodes with ids unique across folders (two folders may plan the same names). */
function withIdPrefix(prefix: string, nodes: PlanTreeNode[]): PlanTreeNode[] {
  return nodes.map((node) => ({ ...node, id: prefix + node.id, children: withIdPrefix(prefix, node.children) }));
}

export function planTreeRoots(result: CoverageResult | null | undefined): PlanTreeNode[] {
  if (!result) return [message('no-folder', 'Open a folder with a tracking plan to see its events.', 'info')];
  if (result.state === 'missing') return [message('missing', 'No tracking plan found. Run "tracklint: Open Tracking Plan" to create one.', 'warning')];
  if (!result.report) return [message('invalid', 'The tracking plan has problems: see the Problems view.', 'warning')];
  const { report, root } = result;
  const byKind = (kind: PlannedCoverage['kind']) => report.planned.filter((p) => p.kind === kind).map((p) => plannedNode(p, report, root));
  const roots = byKind('track');
  const pages = byKind('page');
  const screens = byKind('screen');
  if (pages.length) roots.push(group('pages', `Pages (${pages.length})`, 'browser', pages));
  if (screens.length) roots.push(group('screens', `Screens (${screens.length})`, 'device-mobile', screens));
  if (report.unplanned.length) {
    roots.push(
      group(
        'unplanned',
        `Not in the plan (${report.unplanned.length})`,
        'question',
        report.unplanned.map((u) => ({
          id: `unplanned:${u.kind}:${u.name}`,
          label: u.name,
          description: `${u.kind === 'track' ? '' : `${u.kind} · `}${plural(u.sites.length, 'call')}`,
          tooltip: `'${u.name}' is sent but not in the tracking plan.`,
          icon: 'error',
          children: u.sites.map((s) => siteNode(`unplanned:${u.kind}:${u.name}`, s, root)),
          target: u.sites[0],
        })),
      ),
    );
  }
  if (report.dynamic.length) {
    roots.push(group('dynamic', `Dynamic names (${report.dynamic.length})`, 'symbol-variable', report.dynamic.map((d) => ({ ...siteNode('dynamic', d, root), tooltip: `${d.kind === 'track' ? 'An event' : `A ${d.kind}`} name of type '${d.typeText}': it cannot be checked against the plan.` }))));
  }
  return roots;
}

function plannedNode(p: PlannedCoverage, report: CoverageReport, root: string): PlanTreeNode {
  const id = `planned:${p.kind}:${p.name}`;
  const perSource = report.sources.filter((s) => p.bySource[s] > 0).map((s) => `${s} ${p.bySource[s]}`);
  if (p.unassigned && report.sources.length) perSource.push(`no source ${p.unassigned}`);
  const calls = p.sites.length ? `${plural(p.sites.length, 'call')}${perSource.length ? ` · ${perSource.join(', ')}` : ''}` : 'never sent';
  const planned = p.plannedSources ? `Planned for: ${p.plannedSources.join(', ') || 'no source'}.` : 'Planned for any source.';
  const notes = [
    p.deprecated ? 'Deprecated.' : undefined,
    p.offSource ? `${plural(p.offSource, 'call')} from a source it is not planned for (event-source).` : undefined,
  ].filter((n) => n !== undefined);
  return {
    id,
    label: p.name,
    description: p.deprecated ? `${calls} · deprecated` : calls,
    tooltip: [`${p.name}: ${calls}.`, planned, ...notes].join('\n'),
    icon: p.deprecated ? 'history' : !p.sites.length ? 'circle-outline' : p.offSource ? 'warning' : 'pass',
    children: p.sites.map((s) => siteNode(id, s, root)),
    target: p.sites[0],
  };
}

function siteNode(parentId: string, site: CoverageSite, root: string): PlanTreeNode {
  const relative = path.relative(root, site.file).split(path.sep).join('/');
  const line = site.range.start.line + 1;
  const folder = path.posix.dirname(relative);
  return {
    id: `${parentId}@${relative}:${line}:${site.range.start.character}`,
    label: `${path.posix.basename(relative)}:${line}`,
    description: [folder === '.' ? undefined : folder, site.source].filter((p) => p !== undefined).join(' · ') || undefined,
    tooltip: `${relative}:${line}:${site.range.start.character + 1}`,
    icon: 'go-to-file',
    children: [],
    target: site,
  };
}

function group(id: string, label: string, icon: string, children: PlanTreeNode[]): PlanTreeNode {
  return { id: `group:${id}`, label, icon, children };
}

function message(id: string, label: string, icon: string): PlanTreeNode {
  return { id: `message:${id}`, label, icon, children: [] };
}
