import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const GENERATED_PLAN = `name: Generated
conventions:
  events: title
  properties: snake
events:
  Order Completed:
    properties:
      order_id: { type: string }
      total: { type: number, minimum: 0 }
    required: [order_id, total]
  Item Viewed:
    properties:
      item_id: { type: string }
    required: [item_id]
`;

/** Relative path of the n-th generated source file. */
export const generatedFile = (n: number) => `src/feature${Math.floor(n / 50)}/file${n}.ts`;

/**
 * A workspace large enough for its scan to take a while: `count` files in feature folders, each with
 * a few helpers and two analytics calls; every 10th file sends an event the plan does not have
 * ('Order Complete'), so the scan has problems to publish. Returns the folder (a temporary one).
 */
export function generateWorkspace(count: number): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'tracklint-generated-')));
  writeFileSync(path.join(root, 'tracking-plan.yaml'), GENERATED_PLAN);
  writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler' }, include: ['src'] }));
  mkdirSync(path.join(root, 'src'), { recursive: true });
  writeFileSync(path.join(root, 'src/globals.d.ts'), 'declare const analytics: { track(event: string, properties?: Record<string, unknown>): void };\n');
  for (let n = 0; n < count; n++) {
    const file = path.join(root, generatedFile(n));
    mkdirSync(path.dirname(file), { recursive: true });
    // Each file imports the one before it, which the scan (in path order: file10 before file9) often reads later:
    // a program built mid-scan meets the import first, and the scan must still count and check that file.
    const previous = n % 50 ? `import { total${n - 1} } from './file${n - 1}';\n` : '';
    const helpers = Array.from({ length: 8 }, (_, i) => `export function helper${n}_${i}(values: number[]): number {\n  return values.reduce((sum, value) => sum + value * ${i + 1}, 0);\n}\n`).join('\n');
    writeFileSync(
      file,
      `${previous}
export const total${n} = ${n};

${helpers}
export function complete${n}(orderId: string) {
  analytics.track('${n % 10 === 0 ? 'Order Complete' : 'Order Completed'}', { order_id: orderId, total: total${n}${n % 50 ? ` + total${n - 1}` : ''} });
}

export function view${n}(itemId: string) {
  analytics.track('Item Viewed', { item_id: itemId });
}
`,
    );
  }
  return root;
}
