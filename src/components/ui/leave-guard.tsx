// Asks before work that exists only on this screen is dropped: an in-app navigation (react-router's
// useBlocker, which needs the data router created in app/router.tsx) opens the console's own
// Dialog; closing or reloading the tab triggers the browser's `beforeunload` prompt, the only
// prompt a page may show there (its text is the browser's own).
import { useEffect } from 'react';
import { useBlocker, type Location } from 'react-router';
import { Button } from './button.tsx';
import { Dialog } from './dialog.tsx';

/**
 * Navigation state that passes the guard: for a navigation that is itself the end of the work,
 * e.g. `navigate(toClients(), { state: SKIP_LEAVE_GUARD })` after deleting the edited Client.
 */
export const SKIP_LEAVE_GUARD = { skipLeaveGuard: true } as const;

function skips(location: Location): boolean {
  const state: unknown = location.state;
  return typeof state === 'object' && state !== null && 'skipLeaveGuard' in state;
}

export interface LeaveGuardProps {
  /** True while leaving would lose something. */
  when: boolean;
  /** Dialog title, e.g. "Discard unsaved changes?". */
  title: string;
  /** What would be lost, in a sentence or two. */
  children: React.ReactNode;
  /** Label of the button that leaves anyway. */
  leaveLabel?: string;
  /** Let changes of the query string alone pass (a screen whose filters live in the URL). */
  ignoreSearch?: boolean;
}

/**
 * Render it inside the screen that holds the work. Only one may be mounted at a time (a router
 * supports one blocker).
 *
 * @example <LeaveGuard when={isDirty} title="Discard unsaved changes?">Your edits are not saved.</LeaveGuard>
 */
export function LeaveGuard({
  when,
  title,
  children,
  leaveLabel = 'Leave without saving',
  ignoreSearch = false,
}: LeaveGuardProps) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    if (!when || skips(nextLocation)) return false;
    if (currentLocation.pathname !== nextLocation.pathname) return true;
    return !ignoreSearch && currentLocation.search !== nextLocation.search;
  });

  useEffect(() => {
    if (!when) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium shows the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [when]);

  // The work may be saved or copied while the dialog is open: then nothing is lost any more.
  useEffect(() => {
    if (blocker.state === 'blocked' && !when) blocker.proceed();
  }, [blocker, when]);

  const open = blocker.state === 'blocked';
  return (
    <Dialog
      open={open}
      title={title}
      size="sm"
      onClose={() => blocker.reset?.()}
      footer={
        <>
          <Button variant="primary" data-autofocus="" onClick={() => blocker.reset?.()}>
            Stay on this page
          </Button>
          <Button variant="danger" onClick={() => blocker.proceed?.()}>
            {leaveLabel}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
