import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { config as zodConfig } from 'zod/mini';
import { App } from './app/app.tsx';
import './app/styles.css';
import { applyTheme, followSystemTheme, readTheme } from './app/theme.ts';

// Our CSP forbids eval (Trusted Types, no 'unsafe-eval'). zod otherwise probes `new Function('')`
// on first parse, which the browser reports as a CSP violation even though zod catches it.
zodConfig({ jitless: true });
applyTheme(readTheme());
followSystemTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
