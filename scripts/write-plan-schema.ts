/** Writes plans/tracking-plan.schema.json from the native plan's zod schemas (`npm run schema`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nativePlanJsonSchemaText } from '../server/src/core/plan/planJsonSchema';

const target = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'plans', 'tracking-plan.schema.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, nativePlanJsonSchemaText());
console.log(`Wrote ${target}`);
