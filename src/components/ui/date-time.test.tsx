import { render, screen } from '@testing-library/react';
import { DateTime } from './date-time.tsx';
import { formatDateTime, toDate } from './date-time-format.ts';

const ISO = '2026-12-05T15:04:05.000Z';

describe('formatDateTime', () => {
  it('follows the locale it is given (the browser’s by default)', () => {
    // Intl output is locale data: compare with Intl itself rather than a hand-typed string.
    const gb = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(ISO),
    );
    const us = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(ISO),
    );
    expect(formatDateTime(ISO, 'date-time', 'en-GB')).toBe(gb);
    expect(formatDateTime(ISO, 'date-time', 'en-US')).toBe(us);
    expect(gb).not.toBe(us);
    expect(formatDateTime(ISO)).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ISO)),
    );
  });

  it('accepts epoch milliseconds and Dates, and has a time-only style', () => {
    const ms = Date.parse(ISO);
    expect(formatDateTime(ms, 'date-time', 'en-GB')).toBe(formatDateTime(ISO, 'date-time', 'en-GB'));
    expect(formatDateTime(new Date(ms), 'time', 'en-GB')).toBe(
      new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium' }).format(new Date(ms)),
    );
  });

  it('shows a dash for nothing and an unparseable value as it is', () => {
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('soon')).toBe('soon');
    expect(toDate('soon')).toBeUndefined();
  });
});

describe('DateTime', () => {
  it('renders <time> with the exact ISO instant', () => {
    render(<DateTime value={ISO} />);
    const time = screen.getByText(formatDateTime(ISO));
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', ISO);
    expect(time).toHaveAttribute('title', ISO);
  });

  it('renders text that is not a date as plain text', () => {
    render(<DateTime value="not a date" />);
    expect(screen.getByText('not a date').tagName).not.toBe('TIME');
  });
});
