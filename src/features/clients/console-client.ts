// The console's own Client id, from the runtime config (config.json), so the editor can guard
// against an admin locking everyone out of the console.
import { useQuery } from '@tanstack/react-query';
import { wellKnownQueries } from '../../api/well-known.ts';

export const DEFAULT_CONSOLE_CLIENT_ID = 'aidbox-console';

/**
 * Reads config.json through the config module. The app already validated it at start-up, so a
 * failure here only falls back to the documented default id.
 */
export function useConsoleClientId(): string {
  const { data } = useQuery(wellKnownQueries.consoleConfig());
  return data?.ok ? data.config.clientId : DEFAULT_CONSOLE_CLIENT_ID;
}
