// Full-page card used by the auth screens (callback errors, signed out, signing in).
import type { ReactNode } from 'react';

export function AuthPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="auth-brand">Aidbox Client Console</p>
        <h1 className="auth-title">{title}</h1>
        {children}
      </div>
    </main>
  );
}
