// The signed-in layout: skip link, header (product, navigation, user, theme, sign out), main.
import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuthService, useCurrentUser } from '../auth/auth-context.tsx';
import { Button } from '../components/ui/button.tsx';
import { CollapsibleMenu } from '../components/ui/collapsible-menu.tsx';
import { paths } from '../routes/paths.ts';
import { readTheme, saveTheme, type ThemeChoice } from './theme.ts';

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_LABEL: Record<ThemeChoice, string> = {
  system: 'Theme: system',
  light: 'Theme: light',
  dark: 'Theme: dark',
};

export function Shell() {
  const auth = useAuthService();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const [theme, setTheme] = useState<ThemeChoice>(readTheme);
  const [signingOut, setSigningOut] = useState(false);

  // Set when a LeaveGuard (unsaved work) held the sign-out navigation: if the user then chooses to
  // leave, the shell unmounts on /signed-out and the sign-out completes here.
  const pendingSignOut = useRef(false);
  useEffect(
    () => () => {
      if (pendingSignOut.current && window.location.pathname === paths.signedOut()) void auth.signOut();
    },
    [auth],
  );

  async function signOut() {
    setSigningOut(true);
    // Leave the guarded shell first, so the guard does not start a new sign-in as the user goes away.
    await navigate(paths.signedOut(), { replace: true });
    if (window.location.pathname === paths.signedOut()) {
      await auth.signOut();
      return;
    }
    pendingSignOut.current = true;
    setSigningOut(false);
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <NavLink to={paths.clients()} className="brand">
            <span className="brand-mark" aria-hidden="true" />
            Aidbox Client Console
          </NavLink>
          <CollapsibleMenu
            label="Menu"
            closeKey={location.pathname + location.search}
            className="topbar-menu"
          >
            <nav aria-label="Main" className="mainnav">
              <NavLink to={paths.clients()} className="mainnav-link">
                Clients
              </NavLink>
              <NavLink to={paths.policies()} className="mainnav-link">
                Policies
              </NavLink>
              <NavLink to={paths.playground()} className="mainnav-link">
                Playground
              </NavLink>
              <NavLink to={paths.audit()} className="mainnav-link">
                Audit
              </NavLink>
            </nav>
            <div className="topbar-end">
              <Button
                variant="ghost"
                size="sm"
                onClick={() => {
                  const next = NEXT_THEME[theme];
                  saveTheme(next);
                  setTheme(next);
                }}
              >
                {THEME_LABEL[theme]}
              </Button>
              {user ? (
                <span className="topbar-user" title={user.email ?? user.sub}>
                  <span className="visually-hidden">Signed in as </span>
                  {user.name}
                </span>
              ) : null}
              <Button size="sm" loading={signingOut} onClick={() => void signOut()}>
                Sign out
              </Button>
            </div>
          </CollapsibleMenu>
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
