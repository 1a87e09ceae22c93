import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeStatus } from '../../client/src/planStatusView';

test('ok: plan name, event and problem counts, click opens the plan', () => {
  const view = describeStatus('running', { state: 'ok', planFile: '/w/tracking-plan.yaml', planName: 'Acme Shop', eventCount: 7, problemCount: 16 });
  assert.deepEqual(view, {
    text: '$(checklist) Acme Shop: 7 events · 16 problems',
    tooltip: 'tracklint — /w/tracking-plan.yaml\nClick to open the tracking plan.',
    warning: false,
    command: 'tracklint.openPlan',
  });
});

test('ok: singular counts, and a plan without a name', () => {
  assert.equal(describeStatus('running', { state: 'ok', eventCount: 1, problemCount: 1 }).text, '$(checklist) Tracking plan: 1 event · 1 problem');
  assert.equal(describeStatus('running', { state: 'ok', planName: '  ', eventCount: 0, problemCount: 0 }).text, '$(checklist) Tracking plan: 0 events · 0 problems');
});

test('invalid and missing plans: warning background, the message as tooltip', () => {
  const invalid = describeStatus('running', { state: 'invalid', planFile: '/w/tracking-plan.yaml', eventCount: 0, problemCount: 2, message: "Line 3: 'type' must be a JSON Schema type." });
  assert.deepEqual([invalid.text, invalid.warning, invalid.command], ['$(warning) tracklint: plan invalid', true, 'tracklint.openPlan']);
  assert.match(invalid.tooltip, /^Line 3: 'type' must be a JSON Schema type\./);

  const missing = describeStatus('running', { state: 'missing', eventCount: 0, problemCount: 0, message: 'No tracking-plan.yaml found.' });
  assert.deepEqual([missing.text, missing.warning, missing.command], ['$(warning) tracklint: plan missing', true, 'tracklint.openPlan']);
  assert.match(missing.tooltip, /^No tracking-plan\.yaml found\./);
});

test('before the first status the item says the server is starting; a stopped server wins over a stale plan', () => {
  assert.deepEqual(
    [describeStatus('starting', undefined).text, describeStatus('starting', undefined).warning],
    ['$(sync~spin) tracklint', false],
  );
  const stopped = describeStatus('stopped', { state: 'ok', eventCount: 3, problemCount: 0 });
  assert.deepEqual([stopped.text, stopped.warning, stopped.command], ['$(error) tracklint: server stopped', true, 'tracklint.showOutput']);
});
