import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../../core/types';
import type { FileResult, FormatOptions, Formatter } from './types';

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/**
 * The artifact location of a file: a URI relative to %SRCROOT% (= cwd) with forward slashes and
 * percent-encoded segments; files outside cwd get an absolute file: URI and no uriBaseId.
 */
function artifactLocation(cwd: string, filePath: string): { uri: string; uriBaseId?: '%SRCROOT%' } {
  const rel = path.relative(cwd, path.resolve(cwd, filePath));
  if (rel === '' || path.isAbsolute(rel) || rel === '..' || rel.startsWith(`..${path.sep}`)) {
    return { uri: pathToFileURL(path.resolve(cwd, filePath)).href };
  }
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** The tool's information page: the directory the rule docs live in, when ruleDocsUrl gives absolute URLs. */
function informationUri(options: FormatOptions, ruleId: string): string | undefined {
  try {
    return new URL('.', options.ruleDocsUrl(ruleId)).href;
  } catch {
    return undefined;
  }
}

/** SARIF 2.1.0 (one run), e.g. for GitHub code scanning. Pretty-printed with two spaces. */
export const sarif: Formatter = (results, options) => {
  const findings = results.flatMap(({ filePath, findings }) =>
    [...findings].sort(byPosition).map((finding) => ({ filePath, finding })),
  );
  const ruleIds = [...new Set(findings.map(({ finding }) => finding.ruleId))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const infoUri = informationUri(options, 'unknown-event');

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tracklint',
            version: options.version,
            ...(infoUri === undefined ? {} : { informationUri: infoUri }),
            rules: ruleIds.map((id) => ({ id, helpUri: options.ruleDocsUrl(id) })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map(({ filePath, finding }) => ({
          ruleId: finding.ruleId,
          ruleIndex: ruleIndex.get(finding.ruleId)!,
          level: SARIF_LEVEL[finding.severity],
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(options.cwd, filePath),
                region: {
                  startLine: finding.range.start.line + 1,
                  startColumn: finding.range.start.character + 1,
                  endLine: finding.range.end.line + 1,
                  endColumn: finding.range.end.character + 1,
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
};
