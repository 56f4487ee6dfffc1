// The one error type every request rejects with. It carries the API's error
// shape `{"error": {"code", "message", "field"}}` so screens can show the
// message, and forms can put it next to the field it names.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;
  readonly retryAfterSeconds: number | null;

  constructor(init: { status: number; code: string; message: string; field?: string | null; retryAfterSeconds?: number | null }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.field = init.field ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Please sign in again.',
  403: 'You do not have access to this.',
  404: 'We could not find that.',
  409: 'That conflicts with the current state. Please refresh and try again.',
  422: 'Some fields need attention.',
  429: 'Too many attempts. Please wait a moment and try again.',
};

function fallbackCode(status: number): string {
  switch (status) {
    case 400:
    case 422:
      return 'validation_failed';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 ? 'server_error' : 'http_error';
  }
}

function fallbackMessage(status: number): string {
  return FALLBACK_MESSAGES[status] ?? (status >= 500 ? 'Something went wrong on our side. Please try again.' : 'The request failed.');
}

/** Turns any error body into an ApiError; never throws. */
export function parseErrorBody(status: number, body: unknown, retryAfter: string | null = null): ApiError {
  const retryAfterSeconds = retryAfter !== null && retryAfter !== '' && Number.isFinite(Number(retryAfter)) ? Number(retryAfter) : null;
  const error = (body as { error?: unknown } | null)?.error;
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; message?: unknown; field?: unknown };
    return new ApiError({
      status,
      code: typeof e.code === 'string' && e.code ? e.code : fallbackCode(status),
      message: typeof e.message === 'string' && e.message ? e.message : fallbackMessage(status),
      field: typeof e.field === 'string' && e.field ? e.field : null,
      retryAfterSeconds,
    });
  }
  return new ApiError({ status, code: fallbackCode(status), message: fallbackMessage(status), retryAfterSeconds });
}

export function networkError(): ApiError {
  return new ApiError({ status: 0, code: 'network_error', message: 'We could not reach Patron. Check your connection and try again.' });
}

/** Capital first letter and a final full stop: the server may answer "must not be zero". */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** "lines.0.unit_price_minor" → "lines 1 unit price minor". */
export function humanizeField(field: string): string {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : part.replace(/_/g, ' ')))
    .join(' ');
}

/** A message fit for users from anything thrown; a field error names its field. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const mentionsField = error.field && error.message.toLowerCase().includes(humanizeField(error.field).toLowerCase());
    return sentence(error.field && !mentionsField ? `${humanizeField(error.field)} ${error.message}` : error.message);
  }
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
