// The playground's own HTTP helper: sends a request built by domain/oauth-request exactly as shown,
// with the developer's chosen credentials (never the console's token), and records the exchange.
import { bodyText, type HttpRequestSpec } from '../../domain/oauth-request.ts';

export interface RecordedResponse {
  status: number;
  statusText: string;
  /** Only the headers CORS lets a page read (Access-Control-Expose-Headers). */
  headers: Array<[string, string]>;
  bodyText: string;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
}

export interface Exchange {
  id: string;
  label: string;
  request: HttpRequestSpec;
  response?: RecordedResponse;
  /** Network or CORS failure: no response at all. */
  failure?: string;
  durationMs: number;
}

const TIMEOUT_MS = 15_000;
let counter = 0;

export async function sendExchange(label: string, request: HttpRequestSpec): Promise<Exchange> {
  const id = `x${++counter}`;
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const res = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: bodyText(request),
      // Bearer or client credentials only: never ride on an Aidbox login cookie, never cache tokens.
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'manual',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      json = undefined;
    }
    return {
      id,
      label,
      request,
      response: {
        status: res.status,
        statusText: res.statusText,
        headers: [...res.headers.entries()],
        bodyText: text,
        json,
      },
      durationMs: Math.round(performance.now() - started),
    };
  } catch {
    return {
      id,
      label,
      request,
      failure: controller.signal.aborted
        ? `No answer within ${TIMEOUT_MS / 1000} s.`
        : 'Network error or blocked by CORS: check that Aidbox is running and allows this console origin.',
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** A step that never went on the wire (refused locally), shown in the same log. */
export function localStep(label: string, request: HttpRequestSpec, failure: string): Exchange {
  return { id: `x${++counter}`, label, request, failure, durationMs: 0 };
}
