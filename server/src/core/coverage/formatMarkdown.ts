import { coverageTotals, KIND_LABEL, percent, plannedSourcesText, plannedStatus, plural, siteLocation, UNASSIGNED_LABEL } from './describe';
import type { CoverageFormatOptions } from './formatTable';
import type { CoverageReport } from './report';

/**
 * The coverage report as GitHub-flavoured markdown, made to be posted as a pull-request comment (and
 * shown by the VS Code command): a summary line, the plan table, then what is never sent, what is
 * sent off-plan and which names are dynamic.
 */
export function formatCoverageMarkdown(report: CoverageReport, { relativeTo, verbose }: CoverageFormatOptions): string {
  const t = coverageTotals(report);
  const out = [
    '## Tracking plan coverage',
    '',
    `**${t.sent} of ${plural(t.planned, 'planned name')}** sent (${percent(t.sent, t.planned)}) · **${t.neverSent}** never sent · **${t.unplanned}** not in the plan · **${t.dynamic}** dynamic`,
    '',
  ];
  const bySource = report.sources.length > 0;
  const header = ['Kind', 'Name', 'Calls', ...(bySource ? [...report.sources, UNASSIGNED_LABEL] : []), 'Planned for', 'Status', ...(verbose ? ['Call sites'] : [])];
  out.push(row(header.map(cell)), row(header.map((_, i) => (i >= 2 && i < header.length - 2 - (verbose ? 1 : 0) ? '---:' : '---'))));
  for (const p of report.planned) {
    out.push(
      row([
        KIND_LABEL[p.kind],
        code(p.name),
        String(p.sites.length),
        ...(bySource ? [...report.sources.map((s) => String(p.bySource[s])), String(p.unassigned)] : []),
        cell(plannedSourcesText(p)),
        cell(plannedStatus(p)),
        ...(verbose ? [p.sites.map((s) => code(siteLocation(s, relativeTo))).join('<br>')] : []),
      ]),
    );
  }
  const never = report.planned.filter((p) => !p.deprecated && !p.sites.length);
  if (never.length) out.push('', '### Planned but never sent', '', ...never.map((p) => `- ${KIND_LABEL[p.kind]} ${code(p.name)}`));
  if (report.unplanned.length) {
    out.push('', '### Sent but not in the plan', '', row(['Kind', 'Name', 'Calls', 'Where']), row(['---', '---', '---:', '---']));
    for (const u of report.unplanned) out.push(row([KIND_LABEL[u.kind], code(u.name), String(u.sites.length), u.sites.map((s) => code(siteLocation(s, relativeTo))).join('<br>')]));
  }
  if (report.dynamic.length) {
    out.push('', '### Names that cannot be resolved statically', '');
    for (const d of report.dynamic) out.push(`- ${code(siteLocation(d, relativeTo))}: ${KIND_LABEL[d.kind].toLowerCase()} name of type ${code(d.typeText)}`);
  }
  out.push('');
  return out.join('\n');
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Table text: a `|` would end the cell, a line break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

/** Inline code; names may hold backticks, so the fence is one longer than the longest run inside. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = longest ? ` ${text} ` : text;
  return `${fence}${cell(padded)}${fence}`;
}
