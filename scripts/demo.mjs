// `npm run demo`: runs `tracklint check` on the bundled example app and shows what it finds.
// The example is meant to have violations, so exit 1 ("problems found") is the expected outcome here.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const example = path.join('examples', 'shop');
console.log(`$ tracklint check ${example}\n`);
const result = spawnSync(process.execPath, [path.join(root, 'dist', 'tracklint.js'), 'check', example, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
if (result.status === 0 || result.status === 1) {
  console.log(`\nThe example app deliberately breaks the plan in examples/shop/tracking-plan.yaml; every problem above is one tracklint catches in CI and in the editor.`);
  process.exit(0);
}
console.error(`tracklint exited with ${result.status ?? result.signal}`);
process.exit(1);
