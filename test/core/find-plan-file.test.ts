import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { findPlanFile } from '../../server/src/core/plan/findPlanFile';

describe('plan discovery without --plan', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'tracklint-find-plan-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  for (const file of [
    'tracking-plan.json',
    'app/plans/tracking-plan.yml',
    'app/src/deep/file.ts',
    'yml-and-json/tracking-plan.yml',
    'yml-and-json/tracking-plan.json',
    'yaml-and-yml/tracking-plan.yml',
    'yaml-and-yml/tracking-plan.yaml',
    'own-and-plans/plans/tracking-plan.yaml',
    'own-and-plans/tracking-plan.json',
    'none/src/file.ts',
  ]) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), '');
  }
  const found = (start: string) => path.relative(root, findPlanFile(path.join(root, start)) ?? '');

  const cases: [string, string, string][] = [
    ['upward from a file, into a plans/ folder, .yml', 'app/src/deep/file.ts', 'app/plans/tracking-plan.yml'],
    ['upward from a folder', 'app/src', 'app/plans/tracking-plan.yml'],
    ['the nearest folder with a plan, .json', 'none/src/file.ts', 'tracking-plan.json'],
    ['.yml before .json', 'yml-and-json', 'yml-and-json/tracking-plan.yml'],
    ['.yaml before .yml', 'yaml-and-yml', 'yaml-and-yml/tracking-plan.yaml'],
    ['a folder’s own plan before its plans/ folder', 'own-and-plans', 'own-and-plans/tracking-plan.json'],
  ];
  for (const [name, start, plan] of cases) {
    test(name, () => {
      assert.equal(found(start), plan);
    });
  }
});
