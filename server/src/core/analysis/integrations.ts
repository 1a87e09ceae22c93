import { ts } from '@ts-morph/common';
import { objectLiteralField, skipOuter } from './syntax';

/**
 * The `integrations` object literal of a call's options (`{ integrations: { Mixpanel: false } }`), whose
 * keys name destinations; undefined when the options or their integrations are not written as literals.
 */
export function integrationsObject(options: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  const object = options && skipOuter(options);
  if (!object || !ts.isObjectLiteralExpression(object)) return undefined;
  const integrations = objectLiteralField(object, 'integrations');
  const inner = integrations && skipOuter(integrations);
  return inner && ts.isObjectLiteralExpression(inner) ? inner : undefined;
}
