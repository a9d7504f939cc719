// Turns an OAuth error answer ({error, error_description}, RFC 6749 §5.2) into what a developer
// should check next. The server's own words are returned separately and always shown as text.

export interface OAuthErrorAdvice {
  title: string;
  next: string;
}

/** Reads `{error, error_description}` out of any parsed body; undefined if it is not one. */
export function oauthErrorOf(body: unknown): { error: string; description: string | undefined } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { error, error_description: description } = body as Record<string, unknown>;
  if (typeof error !== 'string') return undefined;
  return { error, description: typeof description === 'string' ? description : undefined };
}

export function adviseOAuthError(error: string, description = ''): OAuthErrorAdvice {
  const d = description.toLowerCase();
  if (error === 'invalid_client') {
    if (d.includes('inactive')) {
      return {
        title: 'invalid_client: the Client is inactive',
        next: 'The Client has active: false. Activate it in the Client editor, or pick another Client.',
      };
    }
    if (d.includes('required')) {
      return {
        title: 'invalid_client: this grant needs the client secret',
        next: 'Type the secret, or set auth.<grant>.secret_required: false if the Client is really public.',
      };
    }
    return {
      title: 'invalid_client: client authentication failed',
      next:
        'Check the client id and secret (a rotated secret invalidates the old one), and the ' +
        'authentication method (Basic header vs. secret in the body).',
    };
  }
  if (error === 'invalid_grant') {
    if (d.includes('pkce') || d.includes('code_verifier')) {
      return {
        title: 'invalid_grant: PKCE check failed',
        next: 'The code_verifier sent does not hash to the code_challenge of the authorization. Start the flow again.',
      };
    }
    if (d.includes('already used') || d.includes('expired')) {
      return {
        title: 'invalid_grant: the code or token was already used or expired',
        next: 'Codes are single-use and short-lived; refresh tokens rotate. Run the flow again.',
      };
    }
    if (d.includes('redirect_uri')) {
      return {
        title: 'invalid_grant: redirect_uri mismatch',
        next: "Send exactly the redirect URI of the authorization request (the Client's registered one).",
      };
    }
    if (d.includes('user') || d.includes('password')) {
      return {
        title: 'invalid_grant: the user cannot sign in',
        next: 'Check the user name and password, and that the User is not inactive.',
      };
    }
    return {
      title: 'invalid_grant: the grant was refused',
      next: 'The code, refresh token or credentials are invalid, expired, revoked or belong to another Client.',
    };
  }
  if (error === 'unauthorized_client') {
    return {
      title: 'unauthorized_client: this Client may not use this grant',
      next: 'Add the grant to Client.grant_types (and configure auth.<grant>), or choose a flow it allows.',
    };
  }
  if (error === 'unsupported_grant_type') {
    return { title: 'unsupported_grant_type', next: 'The server does not support this grant at all.' };
  }
  if (error === 'invalid_scope') {
    return {
      title: 'invalid_scope',
      next: 'Request only scopes the Client is allowed; a refresh may narrow, never widen.',
    };
  }
  if (error === 'access_denied') {
    return {
      title: 'access_denied: the user or server declined',
      next: 'The user pressed Deny, or a policy refused consent.',
    };
  }
  if (error === 'invalid_request') {
    return {
      title: 'invalid_request',
      next: 'A required parameter is missing or malformed; read the description.',
    };
  }
  return { title: error, next: 'Read the server description below.' };
}
