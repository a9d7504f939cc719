// The connected Aidbox's endpoints for the playground, from its discovery document.
import { useQuery } from '@tanstack/react-query';
import { wellKnownQueries, type Endpoints } from '../../api/well-known.ts';
import type { ConsoleConfig } from '../../config/config.ts';

export type { Endpoints };

export function useEndpoints(config: ConsoleConfig) {
  return useQuery(wellKnownQueries.endpoints(config));
}
