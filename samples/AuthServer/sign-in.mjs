#!/usr/bin/env node
// Gets an access token from this sample authorization server without a browser, the way an MCP host does it:
// protected-resource metadata (RFC 9728) -> authorization-server metadata (RFC 8414) -> dynamic client registration
// (RFC 7591) -> authorization code with PKCE S256 and `resource` (RFC 8707), filling in the sample's own sign-in and
// consent pages -> token. For scripts, load tests and curl; it reads these pages only.
//
//   node samples/AuthServer/sign-in.mjs --resource http://127.0.0.1:5010/mcp --email alice@example.com --password 'Pass123$'
//
// Options: --resource (required: the MCP endpoint), --email, --password, --scope (default: every scope the resource's
// metadata names, plus offline_access), --authority (default: the first authorization server the metadata names).
// Prints the token response as JSON, with client_id and token_endpoint added so a caller can refresh.
import { createHash, randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

const REDIRECT_URI = "http://127.0.0.1:9/callback"; // never requested: the code is read from the redirect itself

export async function signIn({ resource, email, password, scope, authority }) {
  const metadataUrl = new URL(resource);
  metadataUrl.pathname = "/.well-known/oauth-protected-resource" + metadataUrl.pathname.replace(/\/$/, "");
  const resourceMetadata = await getJson(metadataUrl);
  authority ??= resourceMetadata.authorization_servers?.[0];
  if (!authority) throw new Error(`${metadataUrl} names no authorization server`);
  scope ??= [...(resourceMetadata.scopes_supported ?? []), "offline_access"].join(" ");

  const server = await getJson(new URL("/.well-known/oauth-authorization-server", authority));
  const registration = await fetchOk(server.registration_endpoint, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      client_name: "Inlay sign-in script",
      redirect_uris: [REDIRECT_URI],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    }),
  }).then((r) => r.json());

  const verifier = randomBytes(32).toString("base64url");
  const state = randomBytes(16).toString("base64url");
  const authorize = new URL(server.authorization_endpoint);
  for (const [key, value] of Object.entries({
    response_type: "code", client_id: registration.client_id, redirect_uri: REDIRECT_URI, scope, state, resource,
    code_challenge: createHash("sha256").update(verifier).digest("base64url"), code_challenge_method: "S256",
  })) authorize.searchParams.set(key, value);

  const code = await fillPagesUntilRedirect(authorize, { email, password }, state);
  const tokens = await fetchOk(server.token_endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, client_id: registration.client_id,
      code_verifier: verifier, resource,
    }),
  }).then((r) => r.json());
  return { ...tokens, client_id: registration.client_id, token_endpoint: server.token_endpoint };
}

/** Follows the authorization server's redirects and submits its sign-in and consent forms until it sends the code. */
async function fillPagesUntilRedirect(start, { email, password }, state) {
  const cookies = new Map();
  let request = { url: start, init: { method: "GET" } };
  for (let step = 0; step < 12; step++) {
    const response = await fetch(request.url, {
      ...request.init,
      redirect: "manual",
      headers: { ...request.init.headers, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    if (response.status >= 300 && response.status < 400) {
      const location = new URL(response.headers.get("location"), request.url);
      if (location.href.startsWith(REDIRECT_URI)) {
        const error = location.searchParams.get("error");
        if (error) throw new Error(`authorization refused: ${error} ${location.searchParams.get("error_description") ?? ""}`);
        if (location.searchParams.get("state") !== state) throw new Error("the redirect's state is not the one sent");
        return location.searchParams.get("code");
      }
      request = { url: location, init: { method: "GET" } };
      continue;
    }
    const html = await response.text();
    if (!response.ok) throw new Error(`${request.url} answered ${response.status}: ${html.slice(0, 300)}`);
    const form = readForm(html);
    if (!form) throw new Error(`${request.url} shows no form to fill: ${html.slice(0, 300)}`);
    if ("Password" in form.fields) Object.assign(form.fields, { Email: email, Password: password });
    else if (form.buttons.includes("decision")) form.fields.decision = "allow";
    if (/role="alert"/.test(html) && "Password" in form.fields && step > 2) throw new Error("sign-in refused: " + html.match(/role="alert">([^<]*)/)?.[1]);
    request = {
      url: new URL(form.action || request.url.toString(), request.url),
      init: { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form.fields) },
    };
  }
  throw new Error("no authorization code after 12 steps");
}

function readForm(html) {
  const form = html.match(/<form\b([^>]*)>([\s\S]*?)<\/form>/i);
  if (!form) return null;
  const attribute = (tag, name) => tag.match(new RegExp(`\\b${name}="([^"]*)"`, "i"))?.[1];
  const fields = {};
  for (const [input] of form[2].matchAll(/<input\b[^>]*>/gi)) {
    const name = attribute(input, "name");
    if (name) fields[name] = decode(attribute(input, "value") ?? "");
  }
  const buttons = [...form[2].matchAll(/<button\b[^>]*>/gi)].map(([b]) => attribute(b, "name")).filter(Boolean);
  return { action: decode(attribute(form[1], "action") ?? ""), fields, buttons };
}

const decode = (s) => s
  .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
  .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
  .replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

async function fetchOk(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response;
}

const getJson = (url) => fetchOk(url).then((r) => r.json());

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { resource: { type: "string" }, email: { type: "string" }, password: { type: "string" }, scope: { type: "string" }, authority: { type: "string" } },
  });
  if (!values.resource || !values.email || !values.password) {
    console.error("usage: node sign-in.mjs --resource <MCP endpoint URL> --email <email> --password <password> [--scope s] [--authority url]");
    process.exit(2);
  }
  try {
    console.log(JSON.stringify(await signIn(values), null, 2));
  } catch (error) {
    console.error(`sign-in: ${error.message}`);
    process.exit(1);
  }
}
