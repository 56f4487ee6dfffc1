/** One exchange rate, as GET/PUT /admin/currency-rates answer it. */
export interface CurrencyRate {
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
  /** Decimal text: base-currency major units one major unit of `currency` is worth ("1.08"). */
  rate: string;
  /** ISO 4217 minor-unit exponent (JPY 0, EUR 2, KWD 3). */
  minor_unit_exponent: number;
  updated_at: string;
}

export interface CurrencyRates {
  base_currency: string;
  base_minor_unit_exponent: number;
  items: CurrencyRate[];
}
