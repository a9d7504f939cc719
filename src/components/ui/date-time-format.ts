// The console's one way of showing an instant to a person: the reader's own locale (the browser's,
// unless a test passes one), medium date and short time. Exports and machine-readable attributes
// keep ISO 8601; this is only for text on screen.

export type DateTimeStyle = 'date-time' | 'time';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(style: DateTimeStyle, locale: string | undefined): Intl.DateTimeFormat {
  const key = `${style}|${locale ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      style === 'time' ? { timeStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' },
    );
    formats.set(key, format);
  }
  return format;
}

/** Parses what Aidbox and the console store (ISO strings, epoch milliseconds); undefined if invalid. */
export function toDate(value: string | number | Date | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * @example formatDateTime('2026-12-05T15:04:05Z', 'date-time', 'en-GB') // '5 Dec 2026, 15:04'
 * Missing → "—"; a string that is not a date is shown as it is (never hidden).
 */
export function formatDateTime(
  value: string | number | Date | undefined,
  style: DateTimeStyle = 'date-time',
  locale?: string,
): string {
  if (value === undefined || value === '') return '—';
  const date = toDate(value);
  if (!date) return String(value);
  return formatFor(style, locale).format(date);
}
