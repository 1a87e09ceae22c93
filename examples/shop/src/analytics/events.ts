/** Event names, as many teams keep them: one `as const` map. */
export const EVENTS = {
  ORDER_COMPLETED: 'Order Completed',
  PRODUCT_VIEWED: 'Product Viewed',
  PRODUCT_ADDED: 'Product Added',
  // Renamed in the plan, but this constant was missed.
  CHECKOUT_STARTED: 'Checkout Start',
} as const;

export enum AuthEvent {
  SignedUp = 'Signed Up',
  LoggedIn = 'Logged In',
}
