import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * A deterministic synthetic workspace that looks like a real app: a third of the files send analytics
 * in every style real code uses (literals, `as const` maps, enums, imported constants, a wrapper
 * service, spreads, typed property variables), with some violations of every rule; the rest is ordinary
 * code with imports and types. Same size and seed → byte-identical output.
 */
export const GENERATOR_VERSION = 3;
const EVENT_COUNT = 200;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['Order', 'Product', 'Cart', 'Checkout', 'Account', 'Invoice', 'Report', 'Project', 'Team', 'Coupon', 'Search', 'Video', 'Article', 'Comment', 'Profile', 'Payment', 'Subscription', 'Trial', 'Workspace', 'Dashboard'];
const VERBS = ['Viewed', 'Created', 'Updated', 'Deleted', 'Shared', 'Exported', 'Completed', 'Started', 'Opened', 'Closed'];

export interface PlannedEvent {
  name: string;
  constant: string;
  properties: { key: string; type: 'string' | 'number' | 'integer' | 'boolean'; enumValues?: string[] }[];
  required: string[];
  deprecated?: string;
}

export function plannedEvents(): PlannedEvent[] {
  const random = mulberry32(7);
  const events: PlannedEvent[] = [];
  for (let i = 0; i < EVENT_COUNT; i++) {
    const name = `${NOUNS[i % NOUNS.length]} ${VERBS[Math.floor(i / NOUNS.length) % VERBS.length]}${i >= NOUNS.length * VERBS.length ? ` ${i}` : ''}`;
    const noun = NOUNS[i % NOUNS.length].toLowerCase();
    const properties: PlannedEvent['properties'] = [
      { key: `${noun}_id`, type: 'string' },
      { key: 'source', type: 'string', enumValues: ['web', 'ios', 'android'] },
      { key: 'amount', type: 'number' },
      { key: 'count', type: 'integer' },
      { key: 'is_trial', type: 'boolean' },
    ].slice(0, 3 + Math.floor(random() * 3)) as PlannedEvent['properties'];
    events.push({ name, constant: name.toUpperCase().replace(/[^A-Z0-9]+/g, '_'), properties, required: properties.slice(0, 2).map((p) => p.key) });
  }
  events[EVENT_COUNT - 1].deprecated = events[0].name;
  return events;
}

function planYaml(events: PlannedEvent[]): string {
  const lines = ['name: Bench App', 'conventions:', '  events: title', '  properties: snake', 'callees:', '  - callee: analyticsService.track', '    event: 0', '    properties: 1', 'events:'];
  for (const event of events) {
    lines.push(`  ${event.name}:`);
    if (event.deprecated) {
      lines.push('    deprecated: true', `    replacedBy: ${event.deprecated}`);
      continue;
    }
    lines.push(`    description: Synthetic event ${event.constant}`, '    properties:');
    for (const p of event.properties) lines.push(`      ${p.key}: { type: ${p.type}${p.enumValues ? `, enum: [${p.enumValues.join(', ')}]` : ''} }`);
    lines.push(`    required: [${event.required.join(', ')}]`);
  }
  return lines.join('\n') + '\n';
}

function literalFor(p: PlannedEvent['properties'][number], random: () => number): string {
  switch (p.type) {
    case 'string':
      return p.enumValues ? `'${p.enumValues[Math.floor(random() * p.enumValues.length)]}'` : `'id-${Math.floor(random() * 1000)}'`;
    case 'number':
      return (random() * 100).toFixed(2);
    case 'integer':
      return String(Math.floor(random() * 10));
    default:
      return random() < 0.5 ? 'true' : 'false';
  }
}

/** One analytics call in one of the styles real code uses; `violation` picks which rule it breaks, if any. */
function callSource(event: PlannedEvent, style: number, violation: number, random: () => number, index: number): { code: string; imports: Set<string> } {
  const imports = new Set<string>();
  const props = event.properties.map((p) => `${p.key}: ${literalFor(p, random)}`);
  let name = `'${event.name}'`;
  switch (style % 5) {
    case 1:
      name = `EVENTS.${event.constant}`;
      imports.add('EVENTS');
      break;
    case 2:
      name = `AppEvent.${event.constant}`;
      imports.add('AppEvent');
      break;
  }
  let propsText = `{ ${props.join(', ')} }`;
  switch (violation) {
    case 1: // unknown-event + casing
      name = `'${event.name.toLowerCase().replace(/ /g, '_')}'`;
      break;
    case 2: // missing-required-property
      propsText = `{ ${props.slice(1).join(', ')} }`;
      break;
    case 3: // property-type
      propsText = `{ ${props.map((p, i) => (i === 0 ? `${event.properties[0].key}: 42` : p)).join(', ')} }`;
      break;
    case 4: // property-value (enum) or unknown-property + casing
      propsText = event.properties.some((p) => p.enumValues) ? `{ ${props.map((p) => (p.startsWith('source:') ? `source: 'desktop'` : p)).join(', ')} }` : `{ ${props.join(', ')}, extraField: 1 }`;
      break;
    case 5: // dynamic-event-name
      name = `\`\${prefix} ${VERBS[index % VERBS.length]}\``;
      break;
  }
  if (style % 5 === 3) {
    imports.add('analyticsService');
    return { code: `  analyticsService.track(${name}, ${propsText});`, imports };
  }
  if (style % 5 === 4) {
    return { code: `  const props${index}: Props${index} = ${propsText};\n  window.analytics.track(${name}, { ...props${index} });`, imports };
  }
  return { code: `  window.analytics.track(${name}, ${propsText});`, imports };
}

export function generateWorkspace(dir: string, fileCount: number): void {
  const stamp = path.join(dir, '.generated');
  const expected = `${GENERATOR_VERSION}:${fileCount}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === expected) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src/analytics'), { recursive: true });
  const random = mulberry32(fileCount);
  const events = plannedEvents();
  writeFileSync(path.join(dir, 'tracking-plan.yaml'), planYaml(events));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'es2022', module: 'esnext', moduleResolution: 'bundler', jsx: 'preserve', strict: true, noEmit: true, skipLibCheck: true, lib: ['es2022', 'dom'] }, include: ['src'] }, null, 2),
  );
  writeFileSync(
    path.join(dir, 'src/analytics/events.ts'),
    `export const EVENTS = {\n${events.map((e) => `  ${e.constant}: '${e.name}',`).join('\n')}\n} as const;\n\nexport enum AppEvent {\n${events.map((e) => `  ${e.constant} = '${e.name}',`).join('\n')}\n}\n`,
  );
  writeFileSync(
    path.join(dir, 'src/analytics/service.ts'),
    `declare global {\n  interface Window {\n    analytics: { track(event: string, properties?: Record<string, unknown>): void };\n  }\n}\n\nexport class AnalyticsService {\n  track(event: string, properties: Record<string, unknown> = {}): void {\n    window.analytics.track(event, properties);\n  }\n}\n\nexport const analyticsService = new AnalyticsService();\n`,
  );
  writeFileSync(path.join(dir, 'src/jsx.d.ts'), 'declare namespace JSX {\n  interface IntrinsicElements {\n    [name: string]: Record<string, unknown>;\n  }\n}\n');
  const files = fileCount - 3;
  for (let i = 0; i < files; i++) {
    const folder = path.join(dir, 'src/features', `f${Math.floor(i / 25)}`);
    mkdirSync(folder, { recursive: true });
    const tsx = i % 7 === 0;
    const file = path.join(folder, `module${i}.${tsx ? 'tsx' : 'ts'}`);
    // Imports stay within a feature folder (chains of at most 25), as features import their neighbours and shared code.
    const previous = i % 25 > 0 ? `./module${i - 1}` : undefined;
    const lines: string[] = [];
    if (i % 3 === 0) {
      const calls: string[] = [];
      const imports = new Set<string>();
      const typeDecls: string[] = [];
      const count = 3 + Math.floor(random() * 6);
      for (let c = 0; c < count; c++) {
        const event = events[Math.floor(random() * (events.length - 1))];
        const violation = random() < 0.12 ? 1 + Math.floor(random() * 5) : 0;
        const style = Math.floor(random() * 5);
        const call = callSource(event, style, violation, random, c);
        for (const imported of call.imports) imports.add(imported);
        if (style % 5 === 4) typeDecls.push(`interface Props${c} { ${event.properties.map((p) => `${p.key}${violation === 2 ? '?' : ''}: ${p.type === 'integer' ? 'number' : p.enumValues ? p.enumValues.map((v) => `'${v}'`).join(' | ') : p.type}`).join('; ')}${violation === 4 ? '; extraField: number' : ''} }`);
        calls.push(call.code);
      }
      // Some deprecated-event uses.
      if (i % 30 === 0) calls.push(`  window.analytics.track('${events[events.length - 1].name}');`);
      const fromEvents = [...imports].filter((x) => x !== 'analyticsService');
      if (fromEvents.length) lines.push(`import { ${fromEvents.join(', ')} } from '../../analytics/events';`);
      if (imports.has('analyticsService')) lines.push(`import { analyticsService } from '../../analytics/service';`);
      if (previous) lines.push(`import type { Model${i - 1} } from '${previous}';`);
      lines.push('', ...typeDecls, '', `export interface Model${i} { id: string; total: number; tags: string[]${previous ? `; parent?: Model${i - 1}` : ''} }`, '');
      lines.push(`export function handle${i}(model: Model${i}, prefix: string): number {`, ...calls, `  return model.total + ${i};`, '}');
      if (tsx) lines.push('', `export function View${i}({ model }: { model: Model${i} }) {`, `  return <div onClick={() => handle${i}(model, 'x')}>{model.id}</div>;`, '}');
    } else {
      // Analytics modules export no helper: import one only from an ordinary module.
      if (previous) lines.push((i - 1) % 3 === 0 ? `import type { Model${i - 1} } from '${previous}';` : `import { helper${i - 1}, type Model${i - 1} } from '${previous}';`);
      lines.push('', `export interface Model${i} { id: string; total: number; tags: string[]${previous ? `; parent?: Model${i - 1}` : ''} }`, '');
      lines.push(`export function helper${i}(items: Model${i}[]): Model${i}[] {`, `  return items.filter((item) => item.total > ${i % 17}).map((item) => ({ ...item, tags: [...item.tags, 'seen'] }));`, '}', '');
      lines.push(`export class Store${i} {`, `  private readonly items = new Map<string, Model${i}>();`, `  add(item: Model${i}): void {`, '    this.items.set(item.id, item);', '  }', `  total(): number {`, '    let sum = 0;', '    for (const item of this.items.values()) sum += item.total;', '    return sum;', '  }', '}');
      if (previous && i % 3 === 2) lines.push('', `export const derived${i} = (items: Model${i - 1}[]) => helper${i - 1}(items).length;`);
      if (tsx) lines.push('', `export function Row${i}({ model }: { model: Model${i} }) {`, `  return <span title={model.id}>{model.total.toFixed(2)}</span>;`, '}');
    }
    writeFileSync(file, lines.join('\n') + '\n');
  }
  writeFileSync(stamp, expected);
}
