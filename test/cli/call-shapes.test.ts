import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../server/src/cli/main';

const fixture = path.resolve(__dirname, '../fixtures/workspaces/call-shapes');

type Row = [file: string, line: number, column: number, endLine: number, endColumn: number, severity: 1 | 2, ruleId: string, message: string];

/** The fixture's one deliberate finding per positive call: its `shape` property names the shape, and only "ok" is planned. */
function shape(file: string, line: number, column: number, endColumn: number, found: string, of = "event 'Shape Checked'", property = 'shape'): Row {
  return [file, line, column, line, endColumn, 2, 'property-value', `Property '${property}' of ${of} must be one of "ok"; found "${found}".`];
}

const DYNAMIC = "The event name cannot be resolved statically (its type is 'string'), so it cannot be checked against the tracking plan. Use a string literal, a constant, an enum member or a union of literals.";
const TYPO = "Event 'Shape Chekced' is not in the tracking plan. Did you mean 'Shape Checked'?";

/**
 * Issue #2, section 3, end to end: every call shape it lists, in a workspace on disk, through
 * `tracklint check --format json`. A call the engine misses loses its row; a negative it takes for
 * analytics (player.track, audioTrack.track, a local `track`, an undeclared `sender.send`) gains one.
 */
test('tracklint check: every call shape of section 3 is found and judged, the negatives and ignored files never are', async () => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['check', '.', '--format', 'json'], { cwd: fixture, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false });
  // Nothing passes in silence: every call found is judged or reported dynamic (the negatives are no calls).
  assert.equal(stderr, 'tracklint: 57 analytics calls: 55 judged, 2 dynamic, 0 not judged\n');
  assert.equal(code, 1);
  const results = JSON.parse(stdout) as { filePath: string; messages: { line: number; column: number; endLine: number; endColumn: number; severity: 1 | 2; ruleId: string; message: string }[]; errorCount: number; warningCount: number }[];

  // Every source extension is checked; src/generated (the plan's ignore), build/ and node_modules/ are not; .d.ts files are not sources.
  assert.deepEqual(
    results.map((r) => [path.relative(fixture, r.filePath), r.errorCount, r.warningCount]),
    [
      ['src/common.cjs', 1, 0],
      ['src/component.tsx', 1, 0],
      ['src/events.ts', 0, 0],
      ['src/legacy.jsx', 1, 0],
      ['src/module.mjs', 1, 0],
      ['src/names.ts', 10, 1],
      ['src/negatives.ts', 0, 0],
      ['src/properties.ts', 8, 0],
      ['src/receivers.ts', 14, 1],
      ['src/sdk.ts', 8, 0],
      ['src/signatures.ts', 7, 0],
      ['src/wrappers.ts', 6, 0],
    ],
  );

  const rows = results.flatMap((r) => r.messages.map((m): Row => [path.relative(fixture, r.filePath), m.line, m.column, m.endLine, m.endColumn, m.severity, m.ruleId, m.message]));
  assert.deepEqual(rows, [
    shape('src/common.cjs', 1, 43, 49, '.cjs'),
    shape('src/component.tsx', 1, 97, 103, '.tsx'),
    shape('src/legacy.jsx', 1, 100, 106, '.jsx'),
    shape('src/module.mjs', 1, 43, 49, '.mjs'),

    shape('src/names.ts', 14, 43, 59, 'string literal'),
    shape('src/names.ts', 15, 43, 61, 'template literal'),
    shape('src/names.ts', 16, 33, 49, 'const variable'),
    shape('src/names.ts', 17, 42, 59, 'as const object'),
    shape('src/names.ts', 18, 42, 55, 'enum member'),
    shape('src/names.ts', 19, 42, 61, 'imported constant'),
    // A union and a conditional: each member is judged, the planned one and the typo.
    ['src/names.ts', 20, 17, 20, 23, 2, 'unknown-event', TYPO],
    shape('src/names.ts', 20, 34, 53, 'union of literals'),
    ['src/names.ts', 21, 40, 21, 55, 2, 'unknown-event', TYPO],
    shape('src/names.ts', 21, 66, 79, 'conditional'),
    // Only `string`, or a template with a substitution: reported as dynamic (info is severity 1), never skipped.
    ['src/names.ts', 22, 17, 22, 24, 1, 'dynamic-event-name', DYNAMIC],
    ['src/names.ts', 23, 17, 23, 30, 1, 'dynamic-event-name', DYNAMIC],
    ['src/names.ts', 23, 17, 23, 30, 1, 'event-name-contains-value', "Event name `Shape ${id}` is built around a varying value: every value makes a separate event. Use the stable name 'Shape' and send `id` as a property."],

    shape('src/properties.ts', 8, 36, 46, 'parameter'),
    shape('src/properties.ts', 12, 36, 41, 'shorthand'),
    // A key that arrives through a spread is reported at the spread expression.
    shape('src/properties.ts', 13, 39, 43, 'spread of a typed object'),
    shape('src/properties.ts', 14, 66, 81, 'nested object', "event 'Shape Checked'", 'detail.shape'),
    shape('src/properties.ts', 14, 102, 114, 'array item', "event 'Shape Checked'", 'items[].shape'),
    shape('src/properties.ts', 15, 34, 39, 'typed variable'),
    shape('src/properties.ts', 16, 34, 50, 'call result'),
    // The variable's type makes the required property optional.
    ['src/properties.ts', 17, 34, 17, 39, 2, 'property-type', "Property 'shape' is required by event 'Shape Checked', but the value may be undefined ('ok' | undefined)."],

    shape('src/receivers.ts', 2, 43, 54, 'analytics'),
    shape('src/receivers.ts', 3, 50, 68, 'window.analytics'),
    shape('src/receivers.ts', 4, 54, 76, 'globalThis.analytics'),
    shape('src/receivers.ts', 5, 57, 73, 'self.analytics'),
    shape('src/receivers.ts', 6, 49, 66, 'rudderanalytics'),
    shape('src/receivers.ts', 7, 51, 70, 'optional chaining'),
    shape('src/receivers.ts', 8, 45, 58, 'parentheses'),
    shape('src/receivers.ts', 9, 49, 59, 'non-null'),
    shape('src/receivers.ts', 10, 99, 108, 'as cast'),
    shape('src/receivers.ts', 11, 49, 72, 'getAnalytics()?.track'),
    shape('src/receivers.ts', 20, 52, 68, 'this.analytics'),
    shape('src/receivers.ts', 21, 52, 69, 'this._segment?.'),
    shape('src/receivers.ts', 26, 50, 56, 'void'),
    shape('src/receivers.ts', 27, 51, 58, 'await'),
    // alias sends no properties: the optional call is seen through its options' unplanned destination.
    ['src/receivers.ts', 29, 59, 29, 74, 1, 'unknown-destination', "'optional call' is not a destination of the tracking plan (Mixpanel): Segment ignores unknown integration names, so this setting silently does nothing."],

    shape('src/sdk.ts', 6, 41, 64, 'AnalyticsBrowser.load'),
    shape('src/sdk.ts', 7, 37, 62, 'analytics-next identify', 'identify traits'),
    shape('src/sdk.ts', 10, 79, 94, 'new Analytics'),
    shape('src/sdk.ts', 11, 84, 113, 'Node track({ anonymousId })'),
    shape('src/sdk.ts', 12, 54, 89, 'Node identify({ userId, traits })', 'identify traits'),
    shape('src/sdk.ts', 13, 71, 104, 'Node group({ groupId, traits })', 'group traits'),
    shape('src/sdk.ts', 14, 92, 135, 'Node page({ name, category, properties })', "page 'Shape Page'"),
    // No literal in the call: the name and the value come from the message's type, reported at the argument.
    shape('src/sdk.ts', 17, 14, 21, 'Node track(message) in a variable'),

    shape('src/signatures.ts', 2, 43, 88, 'track(event, properties, options, callback)'),
    shape('src/signatures.ts', 3, 39, 65, 'identify(userId, traits)', 'identify traits'),
    shape('src/signatures.ts', 4, 29, 47, 'identify(traits)', 'identify traits'),
    shape('src/signatures.ts', 5, 47, 81, 'page(category, name, properties)', "page 'Shape Page'"),
    shape('src/signatures.ts', 6, 39, 63, 'page(name, properties)', "page 'Shape Page'"),
    shape('src/signatures.ts', 7, 43, 69, 'screen(name, properties)', "screen 'Shape Screen'"),
    shape('src/signatures.ts', 8, 37, 61, 'group(groupId, traits)', 'group traits'),

    shape('src/wrappers.ts', 12, 67, 117, 'analyticsService.track(name, userId, properties)'),
    shape('src/wrappers.ts', 16, 40, 72, 'tracker.send(name, properties)'),
    shape('src/wrappers.ts', 17, 59, 94, 'trackEvent({ event, properties })'),
    shape('src/wrappers.ts', 18, 57, 90, 'trackKeyed({ key, properties })'),
    // Judged as 'Shape Checked': without the callee's prefix or suffix the name would be off the plan.
    shape('src/wrappers.ts', 19, 35, 43, 'prefix'),
    shape('src/wrappers.ts', 20, 33, 41, 'suffix'),
  ]);
});
