export interface FeedbackInput {
  rating: number;
  text: string;
  product_sku?: string;
  store_id?: string;
  tags?: string[];
}

export interface FeedbackAnswer {
  id: string;
  sentiment: number | string | null;
}
