// jsdom has no window.matchMedia; screens ask it for layout (narrow screens) and theme. This stand-in
// matches no query, i.e. a wide screen with the default colour scheme, and never fires a change.
export function installMatchMediaPolyfill(): void {
  if (typeof window === 'undefined' || typeof window.matchMedia === 'function') return;
  window.matchMedia = (query: string): MediaQueryList => {
    const list: Pick<MediaQueryList, 'matches' | 'media' | 'onchange'> & Partial<MediaQueryList> = {
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    };
    return list as MediaQueryList;
  };
}
