import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CHECKED_LANGUAGES } from '../../client/src/languages';
import { RULE_IDS } from '../../server/src/core/types';
import type { TracklintSettings } from '../../server/src/lsp/protocol';

/**
 * package.json's extension contributions against the code and the plan schema they describe, so a
 * new rule, setting or command cannot ship half-declared.
 */

const root = path.resolve(__dirname, '../..');

interface Manifest {
  main: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited' }; virtualWorkspaces: { supported: boolean | 'limited'; description?: string } };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, { type: string; default?: unknown; enum?: string[]; properties?: Record<string, { enum: string[] }>; additionalProperties?: { enum: string[] }; items?: unknown }> };
    jsonValidation: { fileMatch: string[]; url: string }[];
    yamlValidation: { fileMatch: string[]; url: string }[];
    grammars: { scopeName: string; path: string; injectTo: string[] }[];
  };
}

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const settings = manifest.contributes.configuration.properties;
const planSchema = JSON.parse(readFileSync(path.join(root, 'plans/tracking-plan.schema.json'), 'utf8')) as {
  properties: { rules: { additionalProperties: { enum: string[] } }; callees: { items: unknown } };
};

test('activates on the checked languages and on workspaces with a tracking plan', () => {
  assert.deepEqual(manifest.activationEvents, [...CHECKED_LANGUAGES.map((l) => `onLanguage:${l}`), 'workspaceContains:**/tracking-plan.{yaml,yml,json}']);
});

test('every contributed command is registered by the extension, and every registered one contributed', () => {
  const source = readFileSync(path.join(root, 'client/src/extension.ts'), 'utf8');
  const registered = [...source.matchAll(/register\('(tracklint\.[\w.]+)'/g)].map((m) => m[1]).sort();
  const contributed = manifest.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(contributed, registered);
  for (const command of manifest.contributes.commands) assert.equal(command.category, 'tracklint', command.command);
});

test('the Tracking Plan view is contributed under the id the extension registers, with its title buttons', () => {
  const raw = manifest as unknown as { contributes: { views: Record<string, { id: string }[]>; menus: Record<string, { command: string; when: string }[]> } };
  const source = readFileSync(path.join(root, 'client/src/trackingPlanView.ts'), 'utf8');
  const id = /TRACKING_PLAN_VIEW = '([\w.]+)'/.exec(source)?.[1];
  assert.deepEqual(raw.contributes.views.explorer.map((v) => v.id), [id]);
  const buttons = raw.contributes.menus['view/title'].filter((m) => m.when === `view == ${id}`).map((m) => m.command);
  assert.deepEqual(buttons, ['tracklint.showCoverage', 'tracklint.refreshTrackingPlan']);
});

test('settings: one per TracklintSettings field (the server reads them), plus the trace level', () => {
  // A Record over keyof TracklintSettings: adding a field to the protocol fails to compile here until it is listed.
  const fields: Record<keyof TracklintSettings, true> = { planPath: true, callees: true, rules: true, debounce: true, maxFileSize: true };
  assert.deepEqual(Object.keys(settings).sort(), [...Object.keys(fields).map((f) => `tracklint.${f}`), 'tracklint.trace.server'].sort());
  assert.equal(settings['tracklint.debounce'].default, 150);
  assert.equal(settings['tracklint.maxFileSize'].default, 1048576);
  assert.deepEqual(settings['tracklint.trace.server'].enum, ['off', 'messages', 'verbose']);
});

test('tracklint.trace.server is read by the language client: its id is the settings prefix', () => {
  // vscode-languageclient reads `<client id>.trace.server`, and applies a change to it without a reload.
  const source = readFileSync(path.join(root, 'client/src/languageClient.ts'), 'utf8');
  assert.equal(/export const CLIENT_ID = '([\w.-]+)'/.exec(source)?.[1], 'tracklint');
  assert.match(source, /new LanguageClient\(CLIENT_ID, /);
});

test('Restricted Mode: supported (nothing of the workspace is run); virtual workspaces: declared unsupported, with the reason', () => {
  // The server reads files and type-checks them, but never runs workspace code (no plugins, no tasks, no node_modules code).
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
  assert.equal(manifest.capabilities.virtualWorkspaces.supported, false);
  assert.match(manifest.capabilities.virtualWorkspaces.description ?? '', /from disk/);
});

test('tracklint.rules lists every rule id, with the severities the plan accepts', () => {
  const rules = settings['tracklint.rules'];
  const severities = planSchema.properties.rules.additionalProperties.enum;
  assert.deepEqual(Object.keys(rules.properties ?? {}).sort(), [...RULE_IDS].sort());
  for (const [id, rule] of Object.entries(rules.properties ?? {})) assert.deepEqual(rule.enum, severities, id);
  assert.deepEqual(rules.additionalProperties?.enum, severities);
});

test("tracklint.callees items have the plan's callees shape", () => {
  assert.deepEqual(settings['tracklint.callees'].items, planSchema.properties.callees.items);
});

test('plan files are validated against the shipped plan schema', () => {
  const [json] = manifest.contributes.jsonValidation;
  const [yaml] = manifest.contributes.yamlValidation;
  assert.deepEqual(json.fileMatch, ['tracking-plan.json']);
  assert.deepEqual(yaml.fileMatch, ['tracking-plan.yaml', 'tracking-plan.yml']);
  for (const { url } of [json, yaml]) assert.ok(existsSync(path.join(root, url)), url);
});

test('the injection grammar exists and is injected into TypeScript and JavaScript, with and without JSX', () => {
  const [grammar] = manifest.contributes.grammars;
  assert.ok(existsSync(path.join(root, grammar.path)), grammar.path);
  assert.deepEqual(grammar.injectTo, ['source.ts', 'source.tsx', 'source.js', 'source.js.jsx']);
  const raw = JSON.parse(readFileSync(path.join(root, grammar.path), 'utf8')) as { scopeName: string };
  assert.equal(raw.scopeName, grammar.scopeName);
});

test('main is the bundle scripts/build.mjs writes', () => {
  assert.equal(manifest.main, './dist/extension.js');
  assert.match(readFileSync(path.join(root, 'scripts/build.mjs'), 'utf8'), /entryPoints: \{ extension: 'client\/src\/extension\.ts' \}, outdir: 'dist'/);
});
