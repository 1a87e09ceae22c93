import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { generateWorkspace } from '../../scripts/bench/generate';
import { loadPlan } from '../../server/src/core/plan/load';
import { importClosure } from '../../server/src/core/program/importClosure';
import { inMemoryFiles } from '../../server/src/core/program/inMemoryFiles';
import { ProgramHost } from '../../server/src/core/program/programHost';
import { addProgramRoots, checkRoots, collectSourceFiles, createWorkspaceProgram, limitProgramToCallDependencies } from '../../server/src/core/workspace';

const SEEDS = new Set(['track', 'identify', 'page', 'screen', 'group', 'alias']);

interface ClosureCase {
  name: string;
  files: Record<string, string>;
  /** Roots: '/main.ts' unless given. */
  roots?: string[];
  callNames?: string[];
  /** The files of the check: all of the case's unless given. */
  checked?: string[];
  needed: string[];
  probed?: string[];
}

const cases: ClosureCase[] = [
  {
    name: 'an import the calls use is needed; one they do not use is not',
    files: {
      '/main.ts': `import { EVENTS } from './events';\nimport { formatDate } from './dates';\nanalytics.track(EVENTS.signedUp, { at: 1 });\nformatDate();`,
      '/events.ts': `export const EVENTS = { signedUp: 'Signed Up' } as const;`,
      '/dates.ts': `export function formatDate() { return ''; }`,
    },
    needed: ['/events.ts', '/main.ts'],
  },
  {
    name: 'types are followed through declarations, file to file, but not to what those files import for other code',
    files: {
      '/main.ts': `import type { Props } from './types';\nimport { UI } from './ui';\ndeclare const props: Props;\nanalytics.track('Signed Up', props);\nUI();`,
      '/types.ts': `import type { Base } from './base';\nimport { unrelated } from './unrelated';\nexport interface Props extends Base { plan: string }\nexport const other = unrelated;`,
      '/base.ts': `export interface Base { id: string }`,
      '/unrelated.ts': `export const unrelated = 1;`,
      '/ui.ts': `export function UI() {}`,
    },
    needed: ['/base.ts', '/main.ts', '/types.ts'],
  },
  {
    name: 'a barrel: only the re-exported modules that export the name',
    files: {
      '/main.ts': `import { Events } from './index';\nanalytics.track(Events.SignedUp);`,
      '/index.ts': `export * from './a';\nexport * from './b';\nexport { c } from './c';`,
      '/a.ts': `export enum Events { SignedUp = 'Signed Up' }`,
      '/b.ts': `export const other = 1;`,
      '/c.ts': `export const c = 1;`,
    },
    needed: ['/a.ts', '/index.ts', '/main.ts'],
  },
  {
    name: 'a namespace import needs the whole module, and what it mentions',
    files: {
      '/main.ts': `import * as E from './events';\nanalytics.track(E.SIGNED_UP);`,
      '/events.ts': `import { prefix } from './prefix';\nexport const SIGNED_UP = 'Signed Up';\nexport const OTHER = prefix;`,
      '/prefix.ts': `export const prefix = 'x';`,
    },
    needed: ['/events.ts', '/main.ts', '/prefix.ts'],
  },
  {
    name: 'this: the whole class, and the types of its members',
    files: {
      '/main.ts': `import { Service } from './service';\nimport { Unused } from './unused';\nexport class Page {\n  constructor(private readonly analytics: Service) {}\n  open() { this.analytics.track('Page Opened'); }\n}\nexport const u = Unused;`,
      '/service.ts': `export class Service { track(name: string): void {} }`,
      '/unused.ts': `export const Unused = 1;`,
    },
    needed: ['/main.ts', '/service.ts'],
  },
  {
    name: 'a callback parameter without a type: the statement that gives it its type',
    files: {
      '/main.ts': `import { items } from './items';\nitems.forEach((item) => analytics.track('Item Viewed', { id: item.id }));`,
      '/items.ts': `import type { Item } from './item';\nexport const items: Item[] = [];`,
      '/item.ts': `export interface Item { id: string }`,
    },
    needed: ['/item.ts', '/items.ts', '/main.ts'],
  },
  {
    name: 'imports for effects, dynamic imports and require: whole modules',
    files: {
      '/main.ts': `import './globals';\nconst events = require('./cjs');\nanalytics.track(events.SIGNED_UP, { lazy: import('./lazy') });`,
      '/globals.ts': `declare global { const analytics: { track(n: string, p?: object): void } }\nexport {};`,
      '/cjs.js': `module.exports = { SIGNED_UP: 'Signed Up' };`,
      '/lazy.ts': `export const x = 1;`,
    },
    needed: ['/cjs.js', '/globals.ts', '/lazy.ts', '/main.ts'],
  },
  {
    name: 'default exports and renamed imports',
    files: {
      '/main.ts': `import names from './names';\nimport { SIGNED_UP as signedUp } from './constants';\nanalytics.track(names.first);\nanalytics.track(signedUp);`,
      '/names.ts': `import { first } from './first';\nexport default { first };`,
      '/first.ts': `export const first = 'Signed Up';`,
      '/constants.ts': `const SIGNED_UP = 'Signed Up';\nexport { SIGNED_UP };`,
    },
    needed: ['/constants.ts', '/first.ts', '/main.ts', '/names.ts'],
  },
  {
    name: 'a cycle of re-exports ends',
    files: {
      '/main.ts': `import { X } from './a';\nanalytics.track(X);`,
      '/a.ts': `export * from './b';`,
      '/b.ts': `export * from './a';`,
    },
    needed: ['/main.ts'],
  },
  {
    name: "calls of the team's wrappers are followed once their names are known",
    files: {
      '/main.ts': `import { logEvent } from './log';\nimport { EVENT } from './events';\nlogEvent(EVENT);`,
      '/log.ts': `export function logEvent(name: string) { analytics.track(name); }`,
      '/events.ts': `export const EVENT = 'Signed Up';`,
    },
    callNames: ['logEvent'],
    needed: ['/events.ts', '/log.ts', '/main.ts'],
  },
  {
    name: 'functions called by imported names outside the check are probed for wrappers, along their calls; files of the check are not',
    files: {
      '/main.ts': `import { a } from './lib/a';\nimport { c } from './checked';\na('Signed Up');\nc();`,
      '/lib/a.ts': `import { b } from './b';\nexport function a(n: string) { b(n); }`,
      '/lib/b.ts': `export function b(n: string) { analytics.track(n); }`,
      '/checked.ts': `export function c() {}`,
    },
    checked: ['/main.ts', '/checked.ts'],
    needed: ['/main.ts'],
    probed: ['/lib/a.ts', '/lib/b.ts'],
  },
  {
    name: 'a script (no imports or exports) is needed whole: its declarations are global',
    files: {
      '/main.ts': `import { helper } from './helper';\nanalytics.track('Signed Up');\nconst h = helper;`,
      '/helper.ts': `export const helper = 1;`,
      '/script.ts': `declare const analytics: { track(name: string): void };`,
    },
    roots: ['/main.ts', '/script.ts'],
    needed: ['/main.ts', '/script.ts'],
  },
  {
    // A real React Native app's closure overflowed the stack: each declaration reached walked the next one recursively.
    name: 'a chain of 20,000 declarations, each mentioning the one before, is followed to its end without overflowing the stack',
    files: {
      '/main.ts': `import { name19999 } from './chain';\nanalytics.track(name19999);`,
      '/chain.ts': `import { first } from './first';\nconst name0 = first;\n${Array.from({ length: 19999 }, (_, i) => `const name${i + 1} = name${i};`).join('\n')}\nexport { name19999 };`,
      '/first.ts': `export const first = 'Signed Up';`,
    },
    needed: ['/chain.ts', '/first.ts', '/main.ts'],
  },
];

describe('importClosure: the files analytics calls depend on', () => {
  for (const c of cases) {
    test(c.name, () => {
      const host = new ProgramHost({ allowJs: true, strict: true }, inMemoryFiles(c.files));
      const closure = importClosure(
        { parse: (file) => host.parse(file), resolveImport: (literal, from) => host.resolveWorkspaceImport(literal, from) },
        c.roots ?? ['/main.ts'],
        new Set([...SEEDS, ...(c.callNames ?? [])]),
        new Set(c.checked ?? Object.keys(c.files)),
      );
      assert.deepEqual([...closure.needed].sort(), c.needed);
      assert.deepEqual([...closure.probed].sort(), c.probed ?? []);
    });
  }
});

describe('checking only the call dependencies changes no finding', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tracklint-closure-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  generateWorkspace(dir, 300);

  test('on a generated app of 300 files, every style of call and every rule', async () => {
    const planFile = path.join(dir, 'tracking-plan.yaml');
    const plan = loadPlan(planFile, readFileSync(planFile, 'utf8')).plan!;
    const files = await collectSourceFiles([dir]);

    const whole = createWorkspaceProgram(dir);
    const wholeRoots = addProgramRoots(whole, plan, files).roots;
    const expected = checkRoots({ plan, host: whole, files }, wholeRoots);
    const wholeCount = whole.program().getSourceFiles().length;

    const limited = createWorkspaceProgram(dir);
    const { roots, wrapperNames } = addProgramRoots(limited, plan, files);
    limitProgramToCallDependencies(limited, plan, roots, wrapperNames, files);
    const actual = checkRoots({ plan, host: limited, files }, roots);
    const limitedCount = limited.program().getSourceFiles().length;

    assert.ok(limitedCount < wholeCount, `the limited program has ${limitedCount} files, the whole one ${wholeCount}`);
    const findingCount = [...expected.values()].reduce((n, f) => n + f.length, 0);
    assert.ok(findingCount > 20, `the generated app has findings to compare (${findingCount})`);
    assert.deepEqual(actual, expected);
  });
});
