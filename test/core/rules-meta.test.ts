import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { RULES } from '../../server/src/core/rules';
import { RULE_IDS } from '../../server/src/core/types';

const root = path.resolve(__dirname, '../..');

describe('rule registry', () => {
  test('every public rule id is registered under its own name, and nothing else is', () => {
    assert.deepEqual(Object.keys(RULES).sort(), [...RULE_IDS].sort());
    for (const [id, rule] of Object.entries(RULES)) assert.equal(rule.name, id);
  });

  test('every rule has one source file of its own', () => {
    const files = readdirSync(path.join(root, 'server/src/core/rules')).filter((f) => !['index.ts', 'createRule.ts', 'schemaIssueRule.ts'].includes(f));
    const camel = (id: string) => id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    assert.deepEqual(files.sort(), RULE_IDS.map((id) => `${camel(id)}.ts`).sort());
  });

  for (const id of RULE_IDS) {
    describe(id, () => {
      test('has a docs page titled with its id, stating its default severity', () => {
        const page = path.join(root, 'docs/rules', `${id}.md`);
        assert.ok(existsSync(page), `docs/rules/${id}.md is missing`);
        const text = readFileSync(page, 'utf8');
        assert.equal(text.split('\n')[0], `# ${id}`);
        assert.match(text, new RegExp(`\\*\\*Default severity:\\*\\* ${RULES[id].meta.defaultSeverity}\\b`));
      });

      test('is in the README rules table with its default severity', () => {
        const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
        assert.match(readme, new RegExp(`\\| \\[\`${id}\`\\]\\(docs/rules/${id}\\.md\\) \\| ${RULES[id].meta.defaultSeverity} \\|`));
      });

      test('has a one-sentence description and non-empty messages', () => {
        const { docs, messages } = RULES[id].meta;
        assert.match(docs.description, /^[A-Z].*\.$/);
        for (const message of Object.values(messages)) assert.ok(message.length > 0);
      });
    });
  }
});
