import { readFileSync } from 'node:fs';
import { ts } from '@ts-morph/common';
import { collectSourceFiles } from '../../server/src/core/workspace';

/** The floor: read and parse every source file once with the TypeScript parser, nothing else. */
async function main(): Promise<void> {
  const files = await collectSourceFiles([process.argv[2]]);
  let nodes = 0;
  for (const file of files) {
    const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false, kind);
    nodes += sourceFile.statements.length;
  }
  process.stdout.write(`${files.length} files, ${nodes} statements\n`);
}
void main();
