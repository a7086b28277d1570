/**
 * Adds `prompt=login` to an authorization URL, so the authorization server shows its sign-in page even though its
 * session cookie would sign the same user in again ("Switch user"). Keeps the other prompt values the URL asks for
 * (the SDK asks for `consent` with offline_access) in one space-separated parameter, as OpenID Connect reads it;
 * drops `none`, which cannot go with any other value.
 */
export function withLoginPrompt(url: URL): URL {
  const next = new URL(url);
  const values = next.searchParams
    .getAll("prompt")
    .flatMap((p) => p.split(" "))
    .filter((p) => p && p !== "none" && p !== "login");
  next.searchParams.set("prompt", ["login", ...new Set(values)].join(" "));
  return next;
}
