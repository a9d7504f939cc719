// Composition root: start-up, then providers and the router.
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { RouterProvider } from 'react-router';
import { AuthProvider } from '../auth/auth-context.tsx';
import { ToastProvider } from '../components/ui/toast.tsx';
import { PageLoading } from '../components/ui/spinner.tsx';
import { ConfigProvider } from '../config/config-context.tsx';
import { createAppRouter } from './router.tsx';
import { startConsole, type Started } from './startup.ts';
import { StartupProblemPage } from './startup-problem-page.tsx';

let starting: Promise<Started> | undefined; // StrictMode: start once per page load

export function App() {
  const [started, setStarted] = useState<Started | null>(null);
  useEffect(() => {
    starting ??= startConsole().catch((e: unknown): Started => ({
      ok: false,
      problem: {
        title: 'The console failed to start',
        detail: e instanceof Error ? e.message : String(e),
        fix: 'Reload the page. If it keeps failing, check the browser console and config.json.',
      },
    }));
    void starting.then(setStarted);
  }, []);

  if (started === null) return <PageLoading label="Starting the console…" />;
  if (!started.ok) return <StartupProblemPage problem={started.problem} />;
  return <Ready started={started} />;
}

function Ready({ started }: { started: Extract<Started, { ok: true }> }) {
  const router = useMemo(() => createAppRouter(), []);
  return (
    <ConfigProvider config={started.config}>
      <AuthProvider auth={started.auth}>
        <QueryClientProvider client={started.queryClient}>
          <ToastProvider>
            <RouterProvider router={router} />
          </ToastProvider>
        </QueryClientProvider>
      </AuthProvider>
    </ConfigProvider>
  );
}
