import type { Finding } from '../../core/types';

/** The findings of one checked file, as the formatters receive them. */
export interface FileResult {
  /** Absolute path of the checked file (or of the plan file, for invalid-plan findings). */
  filePath: string;
  findings: Finding[];
}

export interface FormatOptions {
  /** Directory that paths in human-readable output are shown relative to. */
  cwd: string;
  /** Version of tracklint, for SARIF's tool.driver. */
  version: string;
  /** Link to a rule's documentation page. */
  ruleDocsUrl(ruleId: string): string;
}

export type Formatter = (results: FileResult[], options: FormatOptions) => string;
