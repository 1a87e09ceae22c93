import { EVENTS } from '../analytics/events';
import { analyticsService } from '../analytics/tracker';

interface CartLine {
  product_id: string;
  quantity: number;
}

export function completeOrder(orderId: string, total: number, lines: CartLine[]) {
  window.analytics.track(EVENTS.ORDER_COMPLETED, {
    order_id: orderId,
    total,
    currency: 'usd',
    products: lines,
  });
}

export function startCheckout(cartId: string) {
  window.analytics.track(EVENTS.CHECKOUT_STARTED, { cart_id: cartId, step: 1 });
}

export function legacyPurchase(orderId: string) {
  // Still sends the old name: three weeks of conversions vanish from attribution.
  window.analytics.track('purchase_completed', { order_id: orderId });
}

export function addToCart(userId: string, productId: string, quantity?: number) {
  analyticsService.track(EVENTS.PRODUCT_ADDED, userId, { product_id: productId, quantity });
}
