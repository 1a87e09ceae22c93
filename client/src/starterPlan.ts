/**
 * The tracking plan "Open Tracking Plan" offers to create when the workspace has none: the native
 * format with one example event, so the file explains itself. package.json's yamlValidation gives it
 * completion and validation in editors with the YAML extension.
 */
export const STARTER_PLAN_FILE_NAME = 'tracking-plan.yaml';

export function starterPlan(appName: string): string {
  return `name: ${JSON.stringify(appName)}
conventions:
  events: title        # title ("Order Completed") | snake | camel | pascal | kebab | any
  properties: snake    # snake | camel | pascal | kebab | any
events:
  Order Completed:
    description: User completes a purchase
    properties:
      order_id: { type: string }
      total: { type: number, minimum: 0 }
      currency: { type: string, enum: [USD, EUR, GBP] }
    required: [order_id, total, currency]
`;
}
