// Hono typing shared by devbox's HTTP modules: the Node bindings (raw socket for fault injection)
// and the per-request variables the access-control middleware hands to the FHIR routes.
import type { HttpBindings } from '@hono/node-server';

export interface SubrequestInfo {
  method: string;
  /** Path under the server root, e.g. "/fhir/Client/x". */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** Set by accessControl (devbox/http/access.ts): may the caller perform this Bundle entry? */
export type AuthorizeSubrequest = (req: SubrequestInfo) => Promise<boolean>;

export interface DevboxEnv {
  Bindings: HttpBindings;
  Variables: { authorizeSubrequest?: AuthorizeSubrequest };
}
