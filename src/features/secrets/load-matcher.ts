// zxcvbn-ts and its dictionaries are ≈739 KB gzip: they load only when an admin types their own
// secret, through these dynamic imports, never with the first page (toolchain.md gotcha 9).
import { matcherFromZxcvbn, type PatternMatcher } from '../../domain/entropy-patterns.ts';

let loading: Promise<PatternMatcher> | undefined;

export function loadMatcher(): Promise<PatternMatcher> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const factory = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
      // l33t variants beyond a dozen substitutions cost seconds on random input for no gain.
      l33tMaxSubstitutions: 12,
    });
    return matcherFromZxcvbn(factory);
  })();
  // A failed load (offline) may be retried by the next keystroke.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
