/** The plan most rule tests judge against: small, but with every kind of constraint. */
export const BASE_PLAN = `
name: Test Shop
conventions:
  events: title
  properties: snake
events:
  Order Completed:
    description: User completes a purchase
    properties:
      order_id: { type: string }
      total: { type: number, minimum: 0 }
      currency: { type: string, enum: [USD, EUR, GBP] }
      coupon: { type: [string, "null"] }
      quantity: { type: integer }
      placed_at: { type: string, format: date-time }
      products:
        type: array
        items:
          type: object
          properties:
            product_id: { type: string }
            price: { type: number }
          required: [product_id]
    required: [order_id, total, currency]
    additionalProperties: false
  Product Viewed:
    properties:
      product_id: { type: string }
      sku: { type: string, pattern: "^SKU-[0-9]+$" }
      email: { type: string, format: email }
      slug: { type: string, minLength: 2, maxLength: 5 }
      rating: { type: number, exclusiveMinimum: 0, maximum: 5 }
      kind: { const: product }
      tags: { type: array, items: { type: string } }
      flag: { type: boolean }
      meta: { type: object, properties: { source: { type: string } } }
      either: { anyOf: [{ type: string }, { type: number }] }
      anything: {}
    required: [product_id]
  Signed Up:
    properties:
      method: { type: string, enum: [email, google] }
  Purchase Completed:
    deprecated: true
    replacedBy: Order Completed
  Legacy Thing:
    deprecated: true
identify:
  properties:
    name: { type: string }
    plan: { type: string, enum: [free, pro] }
  required: [name]
  additionalProperties: false
group:
  properties:
    employees: { type: integer }
  required: [employees]
pages:
  Home: {}
  Product Detail:
    properties:
      product_id: { type: string }
    required: [product_id]
screens:
  Settings: {}
`;
