// The validated runtime config for any component (e.g. the console's own client id).
import { createContext, use, type ReactNode } from 'react';
import type { ConsoleConfig } from './config.ts';

const ConfigContext = createContext<ConsoleConfig | null>(null);

export function ConfigProvider({ config, children }: { config: ConsoleConfig; children: ReactNode }) {
  return <ConfigContext value={config}>{children}</ConfigContext>;
}

export function useConsoleConfig(): ConsoleConfig {
  const config = use(ConfigContext);
  if (!config) throw new Error('useConsoleConfig must be used inside <ConfigProvider>');
  return config;
}
