// Catalog shapes used by the POS and the management screens (api.md).

export interface Product {
  id?: string;
  sku: string;
  name: string;
  category: string;
  brand: string;
  price_minor: number;
  currency: string;
  archived?: boolean;
}

export interface Store {
  id: string;
  code: string;
  name: string;
  archived?: boolean;
}
