import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadPlan } from '../../server/src/core/plan/load';
import { addEventEdits, type NewPlanEvent } from '../../server/src/service/planEdits';
import { applyEdits } from '../helpers/lspClient';

/** Loads a plan, adds an event through the same edits the quick fix uses, and returns the new text (which must load). */
function addEvent(fileName: string, text: string, event: NewPlanEvent): string {
  const loaded = loadPlan(fileName, text);
  assert.deepEqual(loaded.findings, []);
  const edits = addEventEdits(loaded.document, loaded.plan!, event);
  assert.ok(edits, 'the format accepts new events');
  const result = applyEdits(text, edits);
  const reloaded = loadPlan(fileName, result);
  assert.deepEqual(reloaded.findings, [], 'the edited plan still loads');
  assert.ok(reloaded.plan!.events.has(event.name) || reloaded.plan!.pages.has(event.name));
  return result;
}

const event: NewPlanEvent = { name: 'Cart Viewed', kind: 'track', properties: { cart_id: { type: 'string' }, items: { type: 'integer' } }, required: ['cart_id'] };

describe('adding an event to the plan keeps the file as it was written', () => {
  test('native YAML: appended under events, indented like its siblings, comments kept', () => {
    const text = `# plan\nevents:\n    Signed Up: {} # first\n\n    Logged In:\n        description: x\n# trailing comment\npages: {}\n`;
    assert.equal(
      addEvent('p.yaml', text, event),
      `# plan\nevents:\n    Signed Up: {} # first\n\n    Logged In:\n        description: x\n    Cart Viewed:\n      properties:\n        cart_id: { type: string }\n        items: { type: integer }\n      required: [cart_id]\n# trailing comment\npages: {}\n`,
    );
  });

  test('native YAML without an events section: one is added at the end', () => {
    assert.equal(addEvent('p.yaml', `name: Shop\n`, { name: 'A', kind: 'track' }), `name: Shop\nevents:\n  A: {}\n`);
  });

  test('native YAML with a flow-style empty section', () => {
    assert.equal(addEvent('p.yaml', `name: Shop\npages: {}\n`, { name: 'Home', kind: 'page' }), `name: Shop\npages:\n  Home: {}\n`);
  });

  test('CRLF line endings stay CRLF', () => {
    const text = `events:\r\n  A: {}\r\n`;
    assert.equal(addEvent('p.yaml', text, { name: 'B', kind: 'track', properties: { x: { type: 'string' } } }), `events:\r\n  A: {}\r\n  B:\r\n    properties:\r\n      x: { type: string }\r\n`);
  });

  test('native JSON: inserted with the file’s indentation', () => {
    const text = `{\n    "events": {\n        "A": {}\n    }\n}\n`;
    assert.equal(
      addEvent('p.json', text, { name: 'B', kind: 'track', properties: { x: { type: 'string' } } }),
      `{\n    "events": {\n        "A": {},\n        "B": {\n            "properties": {\n                "x": {\n                    "type": "string"\n                }\n            }\n        }\n    }\n}\n`,
    );
  });

  test('minimal JSON: a new element of the events list', () => {
    const text = `{ "events": [ { "name": "A" } ] }`;
    const result = addEvent('p.json', text, { name: 'B', kind: 'track' });
    assert.deepEqual(JSON.parse(result).events[1], { name: 'B', rules: { properties: { type: 'object', properties: {}, required: [] } } });
  });

  test('Segment Public API rules: a new TRACK rule', () => {
    const text = JSON.stringify({ data: { rules: [{ key: 'A', type: 'TRACK', version: 1, jsonSchema: { properties: { properties: { type: 'object', properties: {} } } } }] } }, null, 2);
    const result = addEvent('rules.json', text, event);
    assert.deepEqual(JSON.parse(result).data.rules[1], {
      key: 'Cart Viewed',
      type: 'TRACK',
      version: 1,
      jsonSchema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { properties: { type: 'object', properties: event.properties, required: ['cart_id'] } } },
    });
  });
});
