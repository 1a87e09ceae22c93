import { effectiveSeverity, planFileFindings } from '../core/check';
import { skippedFileFinding } from '../core/fileSize';
import type { CodeAction, CodeLens, CompletionList, Diagnostic, Hover, Location, Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { AnalysisWorkspace } from './analysisWorkspace';
import { doCodeActions } from './codeActions';
import { doCoverage } from './coverage';
import { doComplete } from './completion';
import { toDiagnostic } from './diagnostics';
import { doHover } from './hover';
import { doCodeLens, doDefinition, doPrepareRename, doReferences, doRename, renameRefusal, unusedEventDiagnostics, type PlanInvalidRefusal } from './navigation';

/**
 * The language features of tracklint over one analysis workspace, with the `do*` verbs of
 * vscode-json-languageservice. It knows nothing of connections or editors: the server wires it to LSP.
 */
export interface LanguageService {
  doValidate(fileName: string): Diagnostic[];
  doComplete(fileName: string, position: Position): CompletionList | null;
  doHover(fileName: string, position: Position): Hover | null;
  doCodeActions(fileName: string, diagnostics: Diagnostic[], only?: string[]): CodeAction[];
  doDefinition(fileName: string, position: Position): Location[];
  doReferences(fileName: string, position: Position, includeDeclaration: boolean): Location[];
  doRename(fileName: string, position: Position, newName: string): WorkspaceEdit | null;
  doPrepareRename(fileName: string, position: Position): { range: Range; placeholder: string } | null;
  /** Why a rename at the position must not be made (the plan file has errors); undefined when it may. */
  renameRefusal(fileName: string, position: Position): PlanInvalidRefusal | undefined;
  doCodeLens(fileName: string): CodeLens[];
  doCoverage(): ReturnType<typeof doCoverage>;
}

export function createLanguageService(workspace: AnalysisWorkspace): LanguageService {
  return {
    doValidate(fileName) {
      if (workspace.isPlanFile(fileName)) {
        const planDiagnostics = planFileFindings(workspace.planState.loaded ?? { findings: [] }, workspace.severities).map(toDiagnostic);
        return [...planDiagnostics, ...unusedEventDiagnostics(workspace, workspace.severities)];
      }
      const skipped = workspace.skipReason(fileName);
      if (skipped) {
        const severity = effectiveSeverity('file-too-large', workspace.plan, workspace.severities);
        return severity === 'off' ? [] : [toDiagnostic(skippedFileFinding(fileName, skipped, severity))];
      }
      return workspace.check(fileName).map(toDiagnostic);
    },
    doComplete: (fileName, position) => doComplete(workspace, fileName, position),
    doHover: (fileName, position) => doHover(workspace, fileName, position),
    doCodeActions: (fileName, diagnostics, only) => doCodeActions(workspace, fileName, diagnostics, only),
    doDefinition: (fileName, position) => doDefinition(workspace, fileName, position),
    doReferences: (fileName, position, includeDeclaration) => doReferences(workspace, fileName, position, includeDeclaration),
    doRename: (fileName, position, newName) => doRename(workspace, fileName, position, newName),
    doPrepareRename: (fileName, position) => doPrepareRename(workspace, fileName, position),
    renameRefusal: (fileName, position) => renameRefusal(workspace, fileName, position),
    doCodeLens: (fileName) => doCodeLens(workspace, fileName),
    doCoverage: () => doCoverage(workspace),
  };
}

/** Not a rule finding: says why a generated bundle or huge file has no diagnostics. */

