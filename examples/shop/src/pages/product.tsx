import { EVENTS } from '../analytics/events';

interface Product {
  id: string;
  name: string;
  price: string;
}

export function ProductPage({ product }: { product: Product }) {
  const onView = () =>
    window.analytics.track(EVENTS.PRODUCT_VIEWED, {
      product_id: product.id,
      name: product.name,
      price: product.price,
      productCategory: 'shoes',
    });
  window.analytics.page('Product Detail', { product_id: product.id });
  return <div onClick={onView}>{product.name}</div>;
}
