import {
  notifyOpener,
  openReauthPopup,
  PopupClosedError,
  REAUTH_MESSAGE,
  waitForReauthCallback,
} from './reauth-popup.ts';

function post(data: unknown, origin: string, source: unknown) {
  const event = new MessageEvent('message', { data, origin });
  // jsdom only accepts a real Window as `source`; the check under test is identity, so set it directly.
  Object.defineProperty(event, 'source', { value: source });
  window.dispatchEvent(event);
}

describe('waitForReauthCallback', () => {
  it('accepts only our origin AND the exact popup, and ignores everything else', async () => {
    const popup = { closed: false } as unknown as Window;
    const other = { closed: false } as unknown as Window;
    let settled: string | undefined;
    const waiting = waitForReauthCallback(popup).then((url) => (settled = url));
    const msg = { type: REAUTH_MESSAGE, url: 'http://localhost:3000/callback?code=c&state=s' };
    post(msg, 'https://evil.example', popup); // wrong origin
    post(msg, location.origin, other); // right origin, another window
    post({ type: 'other', url: 'x' }, location.origin, popup); // not our message
    post({ type: REAUTH_MESSAGE, url: 42 }, location.origin, popup); // malformed
    await Promise.resolve();
    expect(settled).toBeUndefined();
    post(msg, location.origin, popup);
    await waiting;
    expect(settled).toBe(msg.url);
  });

  it('rejects when the popup is closed first', async () => {
    vi.useFakeTimers();
    const popup = { closed: false } as { closed: boolean };
    const waiting = waitForReauthCallback(popup as unknown as Window);
    popup.closed = true;
    vi.advanceTimersByTime(600);
    await expect(waiting).rejects.toBeInstanceOf(PopupClosedError);
    vi.useRealTimers();
  });
});

describe('openReauthPopup / notifyOpener', () => {
  it('opens an empty named popup first (user activation), null when blocked', () => {
    const open = vi.fn(() => null);
    expect(openReauthPopup({ open } as unknown as Window)).toBeNull();
    expect(open).toHaveBeenCalledWith(
      'about:blank',
      'aidbox-console-reauth',
      expect.stringContaining('popup'),
    );
  });

  it('posts to our exact origin only, and not at all without an opener', () => {
    const postMessage = vi.fn();
    const win = (opener: unknown) => ({ opener, location: { origin: 'http://c' } }) as unknown as Window;
    expect(notifyOpener(win(null), 'u')).toBe(false);
    expect(notifyOpener(win({ closed: true, postMessage }), 'u')).toBe(false);
    expect(notifyOpener(win({ closed: false, postMessage }), 'u')).toBe(true);
    expect(postMessage).toHaveBeenCalledTimes(1);
    expect(postMessage).toHaveBeenCalledWith({ type: REAUTH_MESSAGE, url: 'u' }, 'http://c');
  });
});
