// Words and checks for exchange rates. A rate is decimal text ("1.08"): how
// many base-currency major units one major unit of a currency is worth. It is
// never turned into a float for what is sent, only for the worked example.

export const CURRENCY_CODE = /^[A-Z]{3}$/;
export const MAX_RATE_DECIMALS = 9;
export const MAX_RATE = 1_000_000;
/** The worked example under each rate: what this many units of the currency count as. */
export const EXAMPLE_UNITS = 100;

/** "Japanese Yen" for JPY (Intl.DisplayNames); null when the code is not a currency Intl knows. */
export function currencyName(code: string, locale?: string): string | null {
  if (!CURRENCY_CODE.test(code)) return null;
  try {
    const name = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'currency', fallback: 'none' }).of(code);
    return name && name !== code ? name : null;
  } catch {
    return null;
  }
}

/** The name as used in a sentence, plural ("US dollars", "euros"); the display name or the code otherwise. */
export function currencyNamePlural(code: string, locale?: string): string {
  if (currencyName(code, locale)) {
    try {
      const part = new Intl.NumberFormat(locale, { style: 'currency', currency: code, currencyDisplay: 'name' })
        .formatToParts(2)
        .find((p) => p.type === 'currency');
      if (part?.value) return part.value;
    } catch {
      // fall through to the display name
    }
  }
  return currencyName(code, locale) ?? code;
}

/** "US dollars (USD)". */
export const currencyLabel = (code: string, locale?: string) => {
  const name = currencyNamePlural(code, locale);
  return name === code ? code : `${name} (${code})`;
};

/** "Japanese Yen (JPY)": the display name, for titles. */
export const currencyTitle = (code: string, locale?: string) => {
  const name = currencyName(code, locale);
  return name ? `${name} (${code})` : code;
};

export type Checked = { ok: true; value: string } | { ok: false; error: string };

/** Client-side check of a code typed in the form; the server still has the last word (ISO 4217). */
export function checkCurrencyCode(text: string, base: string, existing: readonly string[] = []): Checked {
  const code = text.trim().toUpperCase();
  if (!code) return { ok: false, error: 'Enter a currency code, for example EUR.' };
  if (!CURRENCY_CODE.test(code)) return { ok: false, error: 'Enter the three-letter ISO 4217 code, for example EUR or JPY.' };
  if (code === base) return { ok: false, error: `${code} is the base currency: points are earned in it, so it needs no rate.` };
  if (existing.includes(code)) return { ok: false, error: `${code} already has a rate. Use Edit in the list to change it.` };
  return { ok: true, value: code };
}

/**
 * "1,08" → "1.08", ".5" → "0.5", "007.50" → "7.5". Refuses anything but a plain
 * decimal greater than 0, at most 1,000,000, with at most nine decimals.
 */
export function checkRate(text: string): Checked {
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!cleaned) return { ok: false, error: 'Enter a rate, for example 1.08.' };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[1] === '' && !match[2])) return { ok: false, error: 'Enter the rate as a number with a decimal point, for example 1.08.' };
  const whole = match[1].replace(/^0+(?=\d)/, '') || '0';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > MAX_RATE_DECIMALS) {
    return { ok: false, error: `Use at most ${MAX_RATE_DECIMALS} decimals.` };
  }
  if (/^0+$/.test(whole) && fraction === '') return { ok: false, error: 'The rate must be greater than 0.' };
  const wholeNumber = Number(whole);
  if (wholeNumber > MAX_RATE || (wholeNumber === MAX_RATE && fraction !== '')) {
    return { ok: false, error: `The rate can be at most ${new Intl.NumberFormat().format(MAX_RATE)}.` };
  }
  return { ok: true, value: fraction ? `${whole}.${fraction}` : whole };
}

/** The rate as a number for people: "0.0067", "1,000,000" (the decimal text is formatted exactly where Intl can). */
export function formatRate(rate: string, locale?: string): string {
  const formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: MAX_RATE_DECIMALS });
  try {
    // Intl.NumberFormat v3 formats decimal strings without going through a float.
    return formatter.format(rate as unknown as number);
  } catch {
    return rate;
  }
}

/** "1 EUR = 1.08 USD". */
export const rateSentence = (currency: string, rate: string, base: string, locale?: string) => `1 ${currency} = ${formatRate(rate, locale)} ${base}`;

function formatAmount(amount: number, currency: string, exponent: number, locale?: string): string {
  const digits = Math.max(0, Math.min(exponent, 20));
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${currency}`;
  }
}

/** "¥100 counts as $0.67": the worked example (rounded to the base currency's minor unit). */
export function exampleConversion(
  currency: string,
  exponent: number,
  rate: string,
  base: string,
  baseExponent: number,
  locale?: string,
): string {
  const converted = EXAMPLE_UNITS * Number(rate);
  return `${formatAmount(EXAMPLE_UNITS, currency, exponent, locale)} counts as ${formatAmount(converted, base, baseExponent, locale)}`;
}
