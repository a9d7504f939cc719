// jsdom does no layout: every element is 0×0, so a virtualized list (react-virtual measures its
// scroll element's clientWidth/clientHeight) renders no rows. This gives every element a viewport
// size for the current test; it is undone when the test finishes.
import { onTestFinished } from 'vitest';

export function giveElementsSize(width = 1200, height = 800): void {
  const proto = HTMLElement.prototype;
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => width });
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => height });
  onTestFinished(() => {
    // The own properties go; Element.prototype's (jsdom's zeros) show through again.
    for (const key of ['clientWidth', 'clientHeight'])
      delete (proto as unknown as Record<string, unknown>)[key];
  });
}
