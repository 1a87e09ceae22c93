import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { coverageOfFiles } from '../../server/src/core/coverage/filesCoverage';
import { loadPlan } from '../../server/src/core/plan/load';
import { createInMemoryProgram } from '../../server/src/core/workspace';
import { BASE_PLAN } from '../helpers/basePlan';
import { runFindingCases, type FindingCase } from '../helpers/findingCases';

/**
 * React shapes of wrappers: a component whose prop becomes the event name, used through JSX attributes;
 * tracking functions handed down as props; hooks handing out the tracker in an object. Findings land at the
 * attribute or the call that names the event, never at the forwarding call.
 */

/** JSX without React's types: enough for the checker to read elements and their attributes. */
const JSX_TYPES = `declare namespace JSX {\n  interface Element {}\n  interface IntrinsicElements { [tag: string]: any }\n  interface ElementChildrenAttribute { children: {} }\n}`;
const SDK = `declare const analytics: { track(event: string, properties?: object): void };`;

const TRACKED_LINK = `${SDK}
export function TrackedLink({ trackingEvent, trackingProperties, ...rest }: { trackingEvent: string; trackingProperties?: object; href?: string; children?: unknown }) {
  return <a onClick={() => analytics.track(trackingEvent, trackingProperties)} {...rest} />;
}`;

const TRACK_EVENT = `${SDK}\nexport function trackEvent(name: string, properties?: object) {\n  analytics.track(name, properties);\n}`;

const cases: FindingCase[] = [
  {
    name: 'a component whose prop is the event name: its JSX attribute is judged, literal or constant',
    fileName: 'case.tsx',
    code: `import { TrackedLink } from './TrackedLink';\nconst EVENTS = { SIGNED_UP: 'Signed Up', LEGACY: 'Purchase Completed' } as const;\nexport const A = () => <TrackedLink trackingEvent="Signed Upp" href="/a" />;\nexport const B = () => <TrackedLink trackingEvent={EVENTS.SIGNED_UP} trackingProperties={{ method: 'sso' }} />;\nexport const C = () => <TrackedLink trackingEvent={EVENTS.LEGACY}>Buy</TrackedLink>;\nexport const D = () => <TrackedLink trackingEvent={'Order Completed'} trackingProperties={{ order_id: 'o1', total: 1 }} />;\nexport const E = () => <TrackedLink trackingEvent="Signed Up" trackingProperties={{ method: 'email' }} />;`,
    files: { '/jsx.d.ts': JSX_TYPES, '/TrackedLink.tsx': TRACKED_LINK },
    findings: [
      ['unknown-event', 3, 51, 3, 63, "Event 'Signed Upp' is not in the tracking plan. Did you mean 'Signed Up'?"],
      ['property-value', 4, 100, 4, 105, 'Property \'method\' of event \'Signed Up\' must be one of "email", "google"; found "sso".'],
      ['deprecated-event', 5, 52, 5, 65, "Event 'Purchase Completed' is deprecated in the tracking plan; use 'Order Completed' instead."],
      ['missing-required-property', 6, 91, 6, 119, "Missing required property 'currency' of event 'Order Completed'."],
    ],
  },
  {
    name: 'a component wrapped in forwardRef-like calls and held in a const, from a JavaScript file',
    fileName: 'case.jsx',
    code: `import { Button } from './Button';\nexport const A = () => <Button event="Signed Upp" />;`,
    files: {
      '/jsx.d.ts': JSX_TYPES,
      '/Button.tsx': `${SDK}\ndeclare function memo<T>(component: T): T;\nexport const Button = memo(({ event }: { event: string }) => <button onClick={() => analytics.track(event)} />);`,
    },
    findings: [['unknown-event', 2, 38, 2, 50, "Event 'Signed Upp' is not in the tracking plan. Did you mean 'Signed Up'?"]],
  },
  {
    name: 'a tracking function handed down as a prop: the calls in the child are judged',
    fileName: 'case.tsx',
    code: `export function Child({ onTrack }: { onTrack: (name: string, properties?: object) => void }) {\n  return <button onClick={() => onTrack('Signed Upp')} />;\n}\nexport function Other(props: { onTrack: (name: string, properties?: object) => void }) {\n  return <button onClick={() => props.onTrack('Order Completed', { order_id: 'o1', total: 1 })} />;\n}\nexport function Third(props: { onTrack: (name: string) => void }) {\n  const { onTrack } = props;\n  return <button onClick={() => onTrack('Legacy Thing')} />;\n}`,
    files: {
      '/jsx.d.ts': JSX_TYPES,
      '/track.ts': TRACK_EVENT,
      '/Page.tsx': `import { trackEvent } from './track';\nimport { Child, Other, Third } from './case';\nexport const Page = () => (\n  <div>\n    <Child onTrack={trackEvent} />\n    <Other onTrack={trackEvent} />\n    <Third onTrack={trackEvent} />\n  </div>\n);`,
    },
    findings: [
      ['unknown-event', 2, 41, 2, 53, "Event 'Signed Upp' is not in the tracking plan. Did you mean 'Signed Up'?"],
      ['missing-required-property', 5, 66, 5, 94, "Missing required property 'currency' of event 'Order Completed'."],
      ['deprecated-event', 9, 41, 9, 55, "Event 'Legacy Thing' is deprecated in the tracking plan."],
    ],
  },
  {
    name: "a hook handing out the project's tracker in an object: const { trackEvent } = useTracking()",
    fileName: 'case.tsx',
    code: `import { useTracking, useInlineTracking } from './hooks';\nexport function Button() {\n  const { trackEvent } = useTracking();\n  const { trackEvent: send } = useInlineTracking();\n  trackEvent('Signed Upp');\n  send('Signed Up', { method: 'sso' });\n  return null;\n}`,
    files: {
      '/track.ts': TRACK_EVENT,
      '/hooks.ts': `${SDK}\nimport { trackEvent } from './track';\ndeclare function useCallback<T>(fn: T, deps: unknown[]): T;\nexport function useTracking() {\n  return { trackEvent };\n}\nexport function useInlineTracking() {\n  return { trackEvent: useCallback((name: string, properties?: object) => analytics.track(name, properties), []) };\n}`,
    },
    findings: [
      ['unknown-event', 5, 14, 5, 26, "Event 'Signed Upp' is not in the tracking plan. Did you mean 'Signed Up'?"],
      ['property-value', 6, 31, 6, 36, 'Property \'method\' of event \'Signed Up\' must be one of "email", "google"; found "sso".'],
    ],
  },
  // Negatives
  {
    name: 'a prop that is not a name: the component sends its own fixed event, its attributes are not judged',
    fileName: 'case.tsx',
    code: `import { Label } from './Label';\nexport const A = () => <Label text="Anything at all" />;`,
    files: {
      '/jsx.d.ts': JSX_TYPES,
      '/Label.tsx': `${SDK}\nexport function Label({ text }: { text: string }) {\n  return <span title={text} onClick={() => analytics.track('Signed Up', { method: 'email' })} />;\n}`,
    },
    findings: [],
  },
  {
    name: 'a name hidden in a spread of props is not guessed',
    fileName: 'case.tsx',
    code: `import { TrackedLink } from './TrackedLink';\ndeclare const props: { trackingEvent: string };\nexport const A = () => <TrackedLink {...props} />;`,
    files: { '/jsx.d.ts': JSX_TYPES, '/TrackedLink.tsx': TRACKED_LINK },
    findings: [],
  },
  {
    name: 'a function prop given something other than a wrapper: its calls in the child are not judged',
    fileName: 'case.tsx',
    code: `export function Child({ onTrack }: { onTrack: (name: string) => void }) {\n  return <button onClick={() => onTrack('Anything')} />;\n}`,
    files: {
      '/jsx.d.ts': JSX_TYPES,
      '/Page.tsx': `import { Child } from './case';\nexport const Page = () => <Child onTrack={(name) => console.log(name)} />;`,
    },
    findings: [],
  },
];

runFindingCases('React: components, props and hooks as wrappers', cases);

describe('React: coverage', () => {
  test('an event sent through a JSX attribute or a prop handed down is sent, where it is named', () => {
    const plan = loadPlan('/plan.yaml', BASE_PLAN).plan!;
    const files = {
      '/jsx.d.ts': JSX_TYPES,
      '/TrackedLink.tsx': TRACKED_LINK,
      '/track.ts': TRACK_EVENT,
      '/Child.tsx': `export function Child({ onTrack }: { onTrack: (name: string) => void }) {\n  return <button onClick={() => onTrack('Product Viewed')} />;\n}`,
      '/Page.tsx': `import { TrackedLink } from './TrackedLink';\nimport { trackEvent } from './track';\nimport { Child } from './Child';\nexport const Page = () => (\n  <div>\n    <TrackedLink trackingEvent="Signed Up" />\n    <Child onTrack={trackEvent} />\n  </div>\n);`,
    };
    const report = coverageOfFiles({ plan, host: createInMemoryProgram(files), files: Object.keys(files) });
    const sent = report.planned.filter((p) => p.sites.length).map((p) => [p.name, p.sites.map((s) => `${s.file}:${s.range.start.line + 1}:${s.range.start.character + 1}`)]);
    assert.deepEqual(sent, [
      ['Product Viewed', ['/Child.tsx:2:41']],
      ['Signed Up', ['/Page.tsx:6:32']],
    ]);
    assert.deepEqual(report.dynamic, []);
  });
});
