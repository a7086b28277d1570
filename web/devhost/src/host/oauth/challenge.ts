/**
 * WWW-Authenticate challenges (RFC 9110 §11.6.1), as a resource server sends them on a 401 and as an MCP server puts
 * them in a tool result's `_meta["mcp/www_authenticate"]` when one tool needs sign-in (or more scope) on a connection
 * that is otherwise allowed.
 */

/** One challenge: its scheme and its auth-params (names in lower case), or a token68. */
export interface Challenge {
  scheme: string;
  params: Record<string, string>;
  token68?: string;
}

/** What a Bearer challenge asks of the client (RFC 6750 §3, RFC 9728 §5.1). */
export interface SignInChallenge {
  resourceMetadataUrl?: URL;
  scope?: string;
  error?: string;
  errorDescription?: string;
}

/** The `_meta` key under which a tool result carries challenges. */
export const WWW_AUTHENTICATE_META = "mcp/www_authenticate";

const tchar = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const token68 = /^[A-Za-z0-9\-._~+/]+=*/;

/** Parses a WWW-Authenticate value (one or several comma-separated challenges); skips what it cannot read. */
export function parseChallenges(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  let current: Challenge | undefined;
  let i = 0;
  const n = header.length;
  const skipSpaces = () => {
    while (i < n && (header[i] === " " || header[i] === "\t")) i++;
  };
  const readToken = () => {
    const start = i;
    while (i < n && tchar.test(header[i]!)) i++;
    return header.slice(start, i);
  };
  // Lenient: an unquoted value runs to the next comma or space, so an unquoted URL still reads whole.
  const readBare = () => {
    const start = i;
    while (i < n && header[i] !== "," && header[i] !== " " && header[i] !== "\t") i++;
    return header.slice(start, i);
  };
  const readQuoted = () => {
    let value = "";
    i++; // the opening quote
    while (i < n && header[i] !== '"') {
      if (header[i] === "\\" && i + 1 < n) i++;
      value += header[i++];
    }
    i++; // the closing quote
    return value;
  };

  while (i < n) {
    while (i < n && (header[i] === "," || header[i] === " " || header[i] === "\t")) i++;
    if (i >= n) break;
    const name = readToken();
    if (!name) {
      i++; // not a token: step over it
      continue;
    }
    const afterName = i;
    skipSpaces();
    if (current && header[i] === "=") {
      // An auth-param of the current challenge.
      i++;
      skipSpaces();
      const value = header[i] === '"' ? readQuoted() : readBare();
      current.params[name.toLowerCase()] = value;
      continue;
    }
    // A new challenge: its scheme, then a token68 or auth-params.
    current = { scheme: name, params: {} };
    challenges.push(current);
    i = afterName;
    skipSpaces();
    const t68 = token68.exec(header.slice(i));
    if (t68) {
      const end = i + t68[0].length;
      let next = end;
      while (next < n && (header[next] === " " || header[next] === "\t")) next++;
      // "realm=x" also starts like a token68; only a token68 ends the challenge.
      if (next >= n || header[next] === ",") {
        current.token68 = t68[0];
        i = end;
      }
    }
  }
  return challenges;
}

/**
 * The first Bearer (or DPoP) challenge among these values, with what a client needs from it; undefined when there
 * is none. `base` resolves a relative resource_metadata URL.
 */
export function bearerChallenge(values: string | readonly string[] | undefined, base?: string | URL): SignInChallenge | undefined {
  if (values === undefined) return undefined;
  const list = typeof values === "string" ? [values] : values;
  for (const value of list) {
    if (typeof value !== "string") continue;
    const challenge = parseChallenges(value).find((c) => /^(bearer|dpop)$/i.test(c.scheme));
    if (!challenge) continue;
    const { resource_metadata, scope, error, error_description } = challenge.params;
    let resourceMetadataUrl: URL | undefined;
    try {
      resourceMetadataUrl = resource_metadata ? new URL(resource_metadata, base) : undefined;
    } catch {
      resourceMetadataUrl = undefined;
    }
    return {
      ...(resourceMetadataUrl ? { resourceMetadataUrl } : {}),
      ...(scope ? { scope } : {}),
      ...(error ? { error } : {}),
      ...(error_description ? { errorDescription: error_description } : {}),
    };
  }
  return undefined;
}

/** The sign-in a tool result asks for: only an error result with `_meta["mcp/www_authenticate"]` asks. */
export function resultChallenge(result: Record<string, unknown> | undefined, base?: string | URL): SignInChallenge | undefined {
  if (result?.isError !== true) return undefined;
  const meta = result._meta as Record<string, unknown> | undefined;
  const values = meta?.[WWW_AUTHENTICATE_META];
  if (typeof values !== "string" && !Array.isArray(values)) return undefined;
  return bearerChallenge(values as string | string[], base);
}

/** One line for the log: the challenge's parameters, never a token (challenges carry none). */
export function describeChallenge(challenge: SignInChallenge): string {
  const parts = [
    challenge.error && `error=${challenge.error}`,
    challenge.scope && `scope="${challenge.scope}"`,
    challenge.resourceMetadataUrl && `resource_metadata=${challenge.resourceMetadataUrl.href}`,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "no parameters";
}
