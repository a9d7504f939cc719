import { formatDateTime, toDate, type DateTimeStyle } from './date-time-format.ts';

/**
 * An instant as text in the reader's locale, inside `<time>` with the exact ISO value (also the
 * tooltip), so nothing is lost to the rounding of the short format.
 *
 * @example <DateTime value={client.meta?.lastUpdated} />
 */
export function DateTime({
  value,
  style = 'date-time',
}: {
  value: string | number | Date | undefined;
  style?: DateTimeStyle;
}) {
  const date = toDate(value);
  const text = formatDateTime(value, style);
  if (!date) return <>{text}</>;
  const iso = date.toISOString();
  return (
    <time dateTime={iso} title={iso}>
      {text}
    </time>
  );
}
