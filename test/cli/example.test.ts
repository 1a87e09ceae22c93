import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../server/src/cli/main';

const root = path.resolve(__dirname, '../..');

/**
 * The demo app is the end-to-end accuracy check: every finding below is one a careful reviewer lists,
 * and nothing else is reported — not player-style calls, not the suppressed line, not planned calls
 * made through constants, enums, the declared wrapper, the inferred wrapper or the Node object form,
 * and not the forwarding calls inside the two wrappers (their call sites are judged instead).
 */
test('examples/shop: exactly the findings a reviewer would list', async () => {
  let stdout = '';
  const code = await runCli(['check', 'examples/shop', '--format', 'json'], { cwd: root, stdout: (t) => (stdout += t), stderr: () => {}, isTTY: false });
  assert.equal(code, 1);
  const rows = (JSON.parse(stdout) as { filePath: string; messages: { line: number; column: number; endLine: number; endColumn: number; ruleId: string; message: string }[] }[]).flatMap((r) =>
    r.messages.map((m) => [path.relative(path.join(root, 'examples/shop'), r.filePath), m.line, m.column, m.endLine, m.endColumn, m.ruleId, m.message]),
  );
  assert.deepEqual(rows, [
      ["src/pages/auth.ts", 5, 48, 5, 54, "property-value", "Property 'method' of event 'Signed Up' must be one of \"email\", \"google\", \"github\"; found \"sso\"."],
      ["src/pages/auth.ts", 12, 26, 12, 58, "dynamic-event-name", "The event name cannot be resolved statically (its type is 'string'), so it cannot be checked against the tracking plan. Use a string literal, a constant, an enum member or a union of literals."],
      ["src/pages/auth.ts", 12, 26, 12, 58, "event-name-contains-value", "Event name `${currentProvider()} Logged In` is built around a varying value: every value makes a separate event. Use the stable name 'Logged In' and send `currentProvider()` as a property."],
      ["src/pages/auth.ts", 16, 56, 16, 60, "property-type", "Property 'employees' of group traits should be integer, but the value is 12.5."],
      ["src/pages/cart.ts", 8, 14, 8, 31, "unknown-event", "Event 'Product Removed' is not in the tracking plan."],
      ["src/pages/checkout.ts", 13, 15, 13, 20, "property-value", "Property 'currency' of event 'Order Completed' must be one of \"USD\", \"EUR\", \"GBP\"; found \"usd\"."],
      ["src/pages/checkout.ts", 19, 26, 19, 49, "unknown-event", "Event 'Checkout Start' is not in the tracking plan. Did you mean 'Checkout Started'?"],
      ["src/pages/checkout.ts", 24, 26, 24, 46, "event-name-casing", "Event name 'purchase_completed' is not Title Case; expected 'Purchase Completed'."],
      ["src/pages/checkout.ts", 24, 26, 24, 46, "unknown-event", "Event 'purchase_completed' is not in the tracking plan. Did you mean 'Purchase Completed'? It is deprecated; use 'Order Completed'."],
      ["src/pages/checkout.ts", 28, 81, 28, 89, "property-type", "Property 'quantity' is required by event 'Product Added', but the value may be undefined (number | undefined)."],
      ["src/pages/product.tsx", 14, 14, 14, 27, "property-type", "Property 'price' of event 'Product Viewed' should be number, but the value is string."],
      ["src/pages/product.tsx", 15, 7, 15, 22, "property-name-casing", "Property 'productCategory' is not snake_case; expected 'product_category'."],
      ["src/pages/product.tsx", 15, 7, 15, 22, "unknown-property", "Property 'productCategory' is not in the tracking plan for event 'Product Viewed'."],
      ["src/server/webhooks.ts", 7, 36, 7, 52, "unknown-event", "Event 'Order Refunded' is not in the tracking plan."],
      ["src/server/webhooks.ts", 17, 36, 17, 47, "event-source", "Event 'Logged In' is planned for source 'web', but this file belongs to source 'server'."],
  ]);
});
