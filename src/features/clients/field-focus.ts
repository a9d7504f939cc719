// `?field=<path>` on the editor (issue 14 §3): the review's "Fix <field>" links and the findings
// banner name a Client field by its dot path; the editor opens the tab that shows it, scrolls it
// into view and focuses it.
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { formFieldForPath } from './clients-schema.ts';

export type EditorTab = 'form' | 'json' | 'history';

/** Where a field path is edited: a form control (by name), the Rotate secret link, or raw JSON. */
export type FieldTarget = { tab: 'form'; name: string } | { tab: 'form'; rotate: true } | { tab: 'json' };

/** `hasControl` says whether the form has a control of that name (rendered or not). */
export function fieldTarget(path: string, hasControl: (name: string) => boolean): FieldTarget | undefined {
  if (!path) return undefined;
  // The secret and its rotation record are changed by rotating, never typed in the form.
  if (path === 'secret' || path.startsWith('details.secret')) return { tab: 'form', rotate: true };
  const name = formFieldForPath(path);
  return hasControl(name) ? { tab: 'form', name } : { tab: 'json' };
}

function focusAndReveal(el: HTMLElement | null): boolean {
  if (!el) return false;
  el.focus({ preventScroll: true });
  // Centred: the sticky header and action bar would hide a field scrolled to an edge.
  el.scrollIntoView({ block: 'center' });
  return true;
}

/**
 * Reads `?field=` and brings its control to the user: switches `tab` when the field lives in the
 * raw JSON, then focuses the control once that tab is on screen. Runs again when the link changes.
 */
export function useFieldFocus(
  hasControl: (name: string) => boolean,
  tab: EditorTab,
  setTab: (tab: EditorTab) => void,
): void {
  const [search] = useSearchParams();
  const path = search.get('field') ?? '';
  // Each link is acted on once: afterwards the user moves freely between tabs.
  const handled = useRef('');
  // The form has the field but does not show it (its grant is off): the raw JSON does.
  const toJson = useRef(false);

  useEffect(() => {
    if (!path || handled.current === path) return;
    const found = fieldTarget(path, hasControl);
    if (!found) {
      handled.current = path;
      return;
    }
    const target: FieldTarget = toJson.current ? { tab: 'json' } : found;
    if (target.tab !== tab) {
      setTab(target.tab);
      return; // runs again once that tab is on screen
    }
    if (target.tab === 'json') {
      focusAndReveal(document.querySelector<HTMLElement>('#editor-panel-json textarea'));
    } else if ('rotate' in target) {
      focusAndReveal(document.querySelector<HTMLElement>('a[href$="/rotate-secret"]'));
    } else if (
      !focusAndReveal(
        document.querySelector<HTMLElement>(`#editor-panel-form [name="${CSS.escape(target.name)}"]`),
      )
    ) {
      toJson.current = true;
      setTab('json');
      return;
    }
    handled.current = path;
    toJson.current = false;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-run on a new link or a tab switch only
  }, [path, tab]);
}
