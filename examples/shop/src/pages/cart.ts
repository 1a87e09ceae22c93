import { trackEvent } from '../analytics/trackEvent';

export function viewCart(cartId: string) {
  trackEvent('Checkout Started', { cart_id: cartId, step: 1 });
}

export function removeFromCart(productId: string) {
  trackEvent('Product Removed', { product_id: productId });
}
