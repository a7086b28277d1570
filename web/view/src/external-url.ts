/**
 * The URL a widget may ask its host to open: absolute http(s) only. A `javascript:` or `data:` URL built from tool
 * data must never reach the host's open-link, and a relative URL means nothing inside a sandboxed iframe.
 */
export function checkExternalUrl(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new Error(`Cannot open "${href}": an absolute http(s) URL is needed.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`Cannot open "${href}": only http and https links may be opened, not ${url.protocol}`);
  }
  return href;
}
