import type { ts } from '@ts-morph/common';
import type { Position, Range } from 'vscode-languageserver-types';

/** LSP positions and TypeScript offsets are both UTF-16: only lines need mapping. Out-of-range positions are clamped. */
export function offsetAt(sourceFile: ts.SourceFile, position: Position): number {
  const lineStarts = sourceFile.getLineStarts();
  if (position.line >= lineStarts.length) return sourceFile.text.length;
  const lineStart = lineStarts[Math.max(0, position.line)];
  const lineEnd = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : sourceFile.text.length;
  return Math.min(lineStart + Math.max(0, position.character), lineEnd);
}

export function rangeFromOffsets(sourceFile: ts.SourceFile, start: number, end: number): Range {
  const s = sourceFile.getLineAndCharacterOfPosition(start);
  const e = sourceFile.getLineAndCharacterOfPosition(end);
  return { start: { line: s.line, character: s.character }, end: { line: e.line, character: e.character } };
}
