import { runRuleTests } from '../helpers/ruleTester';

const message = (key: string) =>
  `Property key ${key} is computed at runtime: every distinct value becomes a new property, a new column in the warehouse and in every destination. Use a fixed key and send the varying part as a value: \`{ feature: name, count }\`, not \`{ [name + '_count']: count }\`.`;

runRuleTests('dynamic-property-name', {
  valid: [
    { name: "the guide's good example: fixed keys, the varying part as a value", code: `declare const n: number;\nanalytics.track('Product Viewed', { product_id: 'p1', feature: 'search', count: n });` },
    { name: 'computed keys with one literal value', code: `const KEY = 'product_id';\nanalytics.track('Product Viewed', { [KEY]: 'p1', ['sku']: 'SKU-1' });` },
    { name: 'an enum member key', code: `enum Keys { Sku = 'sku' }\nanalytics.track('Product Viewed', { product_id: 'p1', [Keys.Sku]: 'SKU-1' });` },
    { name: 'computed keys outside analytics calls', code: `declare const k: string;\nconst o = { [k]: 1 };\nanalytics.track('Product Viewed', { product_id: 'p1' });` },
  ],
  invalid: [
    {
      name: "the guide's bad example: a template key",
      code: 'declare const type: string;\ndeclare const n: number;\nanalytics.track(\'Product Viewed\', { product_id: \'p1\', [`${type}Count`]: n });',
      errors: [{ message: message('[`${type}Count`]'), line: 3, column: 55, endLine: 3, endColumn: 71 }],
    },
    {
      name: "the guide's bad example: feature_1, feature_2",
      code: `declare const i: number;\nanalytics.track('Product Viewed', { product_id: 'p1', ['feature_' + i]: true });`,
      errors: [{ message: message("['feature_' + i]"), line: 2, column: 55, endLine: 2, endColumn: 71 }],
    },
    {
      name: 'identify traits',
      code: `declare const k: string;\nanalytics.identify('u1', { name: 'J', [k]: 1 });`,
      errors: [{ message: message('[k]'), line: 2, column: 39, endLine: 2, endColumn: 42 }],
    },
    {
      name: 'nested objects and objects in arrays',
      code: `declare const k: string;\nanalytics.track('Product Viewed', { product_id: 'p1', meta: { [k]: 1 }, tags: [{ [k]: 2 }] });`,
      errors: [
        { message: message('[k]'), line: 2, column: 63, endLine: 2, endColumn: 66 },
        { message: message('[k]'), line: 2, column: 82, endLine: 2, endColumn: 85 },
      ],
    },
    {
      name: 'through an inferred wrapper',
      code: 'function trackEvent(name: string, props?: Record<string, unknown>) { analytics.track(name, props); }\ndeclare const i: number;\ntrackEvent(\'Product Viewed\', { product_id: \'p1\', [`feature_${i}`]: true });',
      errors: [{ message: message('[`feature_${i}`]'), line: 3, column: 50, endLine: 3, endColumn: 66 }],
    },
  ],
});
