/**
 * Inserts markup at the very start of a document's head, so it runs (a CSP meta tag, a script) before anything
 * the document itself loads. Documents without a head get one.
 */
export function injectIntoHead(html: string, markup: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return insertAt(html, head.index + head[0].length, markup);
  const root = /<html(\s[^>]*)?>/i.exec(html);
  if (root) return insertAt(html, root.index + root[0].length, `<head>${markup}</head>`);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return insertAt(html, at, `<head>${markup}</head>`);
}

function insertAt(html: string, index: number, markup: string): string {
  return html.slice(0, index) + markup + html.slice(index);
}

/** Escapes a value for a double-quoted HTML attribute. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
