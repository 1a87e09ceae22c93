import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addEventRefusal, coverageStep, openPlanStep, workspaceCoverageStep } from '../../client/src/commandSteps';
import type { PlanStatus } from '../../server/src/lsp/protocol';

const noFile = async () => false;
const anyFile = async () => true;

describe('Open Tracking Plan', () => {
  const ok: PlanStatus = { folderUri: 'file:///w', state: 'ok', planFile: '/w/tracking-plan.yaml', planName: 'Shop', eventCount: 3, problemCount: 0 };

  test('opens the plan in use, valid or not', async () => {
    assert.deepEqual(await openPlanStep(ok, '/w/tracking-plan.yaml', noFile), { action: 'open', file: '/w/tracking-plan.yaml' });
    assert.deepEqual(await openPlanStep({ ...ok, state: 'invalid', message: 'The tracking plan has 2 problem(s).' }, undefined, noFile), { action: 'open', file: '/w/tracking-plan.yaml' });
  });

  test('no plan in the workspace: the server says why, and the offer is to create tracking-plan.yaml in the folder', async () => {
    const missing: PlanStatus = { folderUri: 'file:///w', state: 'missing', eventCount: 0, problemCount: 0, message: 'No tracking-plan.yaml, .yml or .json found in /w. Create one, or set tracklint.planPath.' };
    assert.deepEqual(await openPlanStep(missing, '/w/tracking-plan.yaml', noFile), {
      action: 'offer-create',
      file: '/w/tracking-plan.yaml',
      message: 'tracklint: No tracking-plan.yaml, .yml or .json found in /w. Create one, or set tracklint.planPath.',
      button: 'Create tracking-plan.yaml',
    });
  });

  test('tracklint.planPath names a file that is not there: the offer is to create that file', async () => {
    const missing: PlanStatus = { folderUri: 'file:///w', state: 'missing', planFile: '/w/plans/events.yaml', planName: 'events.yaml', eventCount: 0, problemCount: 0, message: 'The tracking plan /w/plans/events.yaml does not exist or cannot be read. Create it, or change tracklint.planPath.' };
    assert.deepEqual(await openPlanStep(missing, '/w/tracking-plan.yaml', noFile), {
      action: 'offer-create',
      file: '/w/plans/events.yaml',
      message: 'tracklint: The tracking plan /w/plans/events.yaml does not exist or cannot be read. Create it, or change tracklint.planPath.',
      button: 'Create events.yaml',
    });
  });

  test('before the first status (the server starting): the file if it is there, else the offer with a message of its own', async () => {
    assert.deepEqual(await openPlanStep(undefined, '/w/tracking-plan.yaml', anyFile), { action: 'open', file: '/w/tracking-plan.yaml' });
    assert.deepEqual(await openPlanStep(undefined, '/w/tracking-plan.yaml', noFile), {
      action: 'offer-create',
      file: '/w/tracking-plan.yaml',
      message: 'tracklint: No tracking plan was found in this workspace.',
      button: 'Create tracking-plan.yaml',
    });
  });

  test('no folder open: nothing to create, and says so', async () => {
    assert.deepEqual(await openPlanStep(undefined, undefined, anyFile), { action: 'no-folder', message: 'tracklint: open a folder first; the tracking plan lives in the workspace.' });
  });
});

describe('Show Coverage Report', () => {
  test('the markdown report when there is one', () => {
    assert.deepEqual(coverageStep({ root: '/w', state: 'ok', markdown: '## Tracking plan coverage\n' }), { action: 'show', markdown: '## Tracking plan coverage\n' });
  });

  test('without a usable plan: a message and the way to the plan, not a failed command', () => {
    assert.deepEqual(coverageStep({ root: '/w', state: 'missing' }), { action: 'explain', severity: 'info', message: 'tracklint: there is no tracking plan to report the coverage of.', button: 'Open Tracking Plan' });
    assert.deepEqual(coverageStep({ root: '/w', planFile: '/w/tracking-plan.yaml', state: 'invalid' }), {
      action: 'explain',
      severity: 'warning',
      message: 'tracklint: the tracking plan has problems (see the Problems view); the coverage report needs a valid plan.',
      button: 'Open Tracking Plan',
    });
    assert.deepEqual(coverageStep(null), { action: 'explain', severity: 'info', message: 'tracklint: open a folder with a tracking plan to see its coverage report.' });
  });
});

describe('Show Coverage Report in a multi-root workspace', () => {
  test("each folder's report under its name; a folder without a usable plan says so in its place", () => {
    assert.deepEqual(
      workspaceCoverageStep([
        { root: '/w/shop', state: 'ok', markdown: '## Tracking plan coverage\n\nshop\n' },
        { root: '/w/blog', state: 'invalid', planFile: '/w/blog/tracking-plan.yaml' },
        { root: '/w/docs', state: 'missing' },
      ]),
      {
        action: 'show',
        markdown: [
          '# shop\n\n## Tracking plan coverage\n\nshop\n',
          '# blog\n\n_The tracking plan has problems (see the Problems view); the coverage report needs a valid plan._\n',
          '# docs\n\n_No tracking plan in this folder._\n',
        ].join('\n'),
      },
    );
  });

  test('one folder: its step as it is; no folder, or no folder with a report: the message', () => {
    assert.deepEqual(workspaceCoverageStep([{ root: '/w', state: 'ok', markdown: 'm' }]), { action: 'show', markdown: 'm' });
    assert.deepEqual(workspaceCoverageStep([]), coverageStep(null));
    assert.deepEqual(workspaceCoverageStep(null), coverageStep(null));
    assert.deepEqual(workspaceCoverageStep([{ root: '/a', state: 'missing' }, { root: '/b', state: 'invalid' }]), coverageStep({ root: '/b', state: 'invalid' }));
  });
});

describe('Add Event to Plan', () => {
  const location = { uri: 'file:///w/tracking-plan.yaml', range: { start: { line: 15, character: 2 }, end: { line: 15, character: 11 } } };

  test("the server's refusal of a name the plan has: its message, and the entry to go to", () => {
    assert.deepEqual(addEventRefusal({ code: -32602, message: "'Signed Up' is already in the tracking plan.", data: { reason: 'already-planned', location } }), {
      message: "tracklint: 'Signed Up' is already in the tracking plan.",
      severity: 'info',
      location,
      button: 'Go to Entry',
    });
    assert.deepEqual(addEventRefusal({ code: -32602, message: "'signed_up' differs from 'Signed Up' …", data: { reason: 'name-collision' } }), {
      message: "tracklint: 'signed_up' differs from 'Signed Up' …",
      severity: 'info',
    });
  });

  test("the server's refusal while the plan has errors: a warning, and the first error to go to", () => {
    const message = 'The tracking plan has errors; fix them before adding an event. Line 19: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ].';
    assert.deepEqual(addEventRefusal({ code: -32600, message, data: { reason: 'plan-invalid', location } }), { message: `tracklint: ${message}`, severity: 'warning', location, button: 'Go to Error' });
  });

  test('any other error is a failure of the command (guardCommand shows it)', () => {
    assert.equal(addEventRefusal({ code: -32600, message: 'The tracking plan is missing, invalid, or in a format tracklint cannot add events to in place.' }), undefined);
    assert.equal(addEventRefusal(new Error('Client is not running')), undefined);
    assert.equal(addEventRefusal(undefined), undefined);
  });
});
