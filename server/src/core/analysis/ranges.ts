import { ts } from '@ts-morph/common';
import type { Range } from '../types';

/** LSP range (0-based line, UTF-16 character) of a node, without its leading trivia. */
export function rangeOfNode(node: ts.Node, sourceFile: ts.SourceFile = node.getSourceFile()): Range {
  return rangeOfOffsets(sourceFile, node.getStart(sourceFile), node.getEnd());
}

export function rangeOfOffsets(sourceFile: ts.SourceFile, start: number, end: number): Range {
  const s = sourceFile.getLineAndCharacterOfPosition(start);
  const e = sourceFile.getLineAndCharacterOfPosition(end);
  return { start: { line: s.line, character: s.character }, end: { line: e.line, character: e.character } };
}
