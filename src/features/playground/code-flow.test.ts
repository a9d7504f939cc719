// @vitest-environment jsdom
import { CALLBACK_MESSAGE, waitForPopupCallback } from './code-flow.ts';

function post(data: unknown, origin: string, source: unknown) {
  const event = new MessageEvent('message', { data, origin });
  // jsdom only accepts a real Window as `source`; the check under test is identity, so set it directly.
  Object.defineProperty(event, 'source', { value: source });
  window.dispatchEvent(event);
}

describe('waitForPopupCallback', () => {
  it('accepts only our origin AND the exact popup, and ignores everything else', async () => {
    const popup = { closed: false } as unknown as Window;
    const other = { closed: false } as unknown as Window;
    const controller = new AbortController();
    const settled = vi.fn();
    const result = waitForPopupCallback(popup, controller.signal).then((url) => {
      settled(url);
      return url;
    });
    const msg = { type: CALLBACK_MESSAGE, url: 'http://localhost:3000/playground/callback?code=c&state=s' };
    post(msg, 'https://evil.example', popup); // wrong origin
    post(msg, location.origin, other); // right origin, another window
    post({ type: 'other', url: 'x' }, location.origin, popup); // not our message
    await new Promise((r) => setTimeout(r, 0)); // let any wrongly accepted message settle
    expect(settled).not.toHaveBeenCalled();
    post(msg, location.origin, popup);
    await expect(result).resolves.toBe(msg.url);
  });

  it('rejects when the popup is closed first', async () => {
    vi.useFakeTimers();
    const popup = { closed: false } as { closed: boolean };
    const waiting = waitForPopupCallback(popup as unknown as Window, new AbortController().signal);
    popup.closed = true;
    vi.advanceTimersByTime(600);
    await expect(waiting).rejects.toThrow(/closed/);
    vi.useRealTimers();
  });
});
