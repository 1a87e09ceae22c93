import { ts } from '@ts-morph/common';
import { skipOuter } from './syntax';

/**
 * Calls that hand their arguments on to a function they name: react-native-reanimated's
 * `runOnJS(fn)(name, props)` (a worklet hopping back to the JS thread), `fn.call(thisArg, name, props)` and
 * `fn.apply(thisArg, [name, props])`. When `fn` is a wrapper, the call is judged like `fn(name, props)`.
 */
export interface PassThrough {
  /** The function the arguments go to, as written: `fn`, `this.track`. */
  target: ts.Expression;
  /** The arguments it receives. */
  args: readonly ts.Expression[];
}

/** Higher-order functions that return their function argument to be called later with the same arguments. */
const HOPS = new Set(['runOnJS']);

/** What a call hands its arguments to, when it is one of the pass-through shapes; syntax only. */
export function passThrough(node: ts.CallExpression): PassThrough | undefined {
  const callee = skipOuter(node.expression);
  if (ts.isCallExpression(callee)) {
    const hop = skipOuter(callee.expression);
    const [fn] = callee.arguments;
    if (!ts.isIdentifier(hop) || !HOPS.has(hop.text) || callee.arguments.length !== 1 || ts.isSpreadElement(fn)) return undefined;
    return { target: skipOuter(fn), args: node.arguments };
  }
  if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'call' && callee.name.text !== 'apply')) return undefined;
  const [thisArg, ...rest] = node.arguments;
  if (!thisArg || ts.isSpreadElement(thisArg)) return undefined;
  const target = skipOuter(callee.expression);
  if (callee.name.text === 'call') return { target, args: rest };
  if (rest.length === 0) return { target, args: [] };
  // `fn.apply(thisArg, args)` with an array not written in place: which argument is where is unknown.
  const list = rest.length === 1 ? skipOuter(rest[0]) : undefined;
  return list && ts.isArrayLiteralExpression(list) ? { target, args: list.elements } : undefined;
}
