import type { McpUiSandboxResourceReadyNotification } from "@modelcontextprotocol/ext-apps/app-bridge";
import { allowAttribute } from "./allow-attribute";
import { contentSecurityPolicy } from "./content-security-policy";
import { escapeAttribute, injectIntoHead } from "../shared/inject-into-head";
import { CSP_VIOLATION } from "../shared/messages";

/**
 * The sandbox proxy (MCP Apps, "Sandbox proxy"): served from a second loopback origin, it loads the widget's HTML
 * into an inner iframe under the CSP built from the resource's declared domains, and relays every message between
 * the host page and the widget except its own `ui/notifications/sandbox-*` ones.
 */
const host = window.parent;
const SANDBOX_METHOD = /^ui\/notifications\/sandbox-/;
const DEFAULT_SANDBOX = "allow-scripts allow-same-origin allow-forms";
let widget: HTMLIFrameElement | undefined;

addEventListener("message", (event: MessageEvent) => {
  const data: unknown = event.data;
  if (event.source === host) {
    const method = (data as { method?: unknown } | null)?.method;
    if (method === "ui/notifications/sandbox-resource-ready") {
      load((data as McpUiSandboxResourceReadyNotification).params);
    } else if (typeof method !== "string" || !SANDBOX_METHOD.test(method)) {
      widget?.contentWindow?.postMessage(data, "*");
    }
  } else if (widget && event.source === widget.contentWindow) {
    host.postMessage(data, "*");
  }
});

host.postMessage({ jsonrpc: "2.0", method: "ui/notifications/sandbox-proxy-ready", params: {} }, "*");

function load(params: McpUiSandboxResourceReadyNotification["params"]) {
  const policy = contentSecurityPolicy(params.csp);
  const prelude =
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}">` +
    `<script>(${reportViolations.toString()})(${JSON.stringify(CSP_VIOLATION)});</script>`;
  const frame = document.createElement("iframe");
  frame.title = "Widget";
  frame.setAttribute("sandbox", params.sandbox ?? DEFAULT_SANDBOX);
  const allow = allowAttribute(params.permissions);
  if (allow) frame.setAttribute("allow", allow);
  frame.srcdoc = injectIntoHead(params.html, prelude);
  widget?.remove();
  widget = frame;
  document.body.appendChild(frame);
}

/** Runs inside the widget document (serialized into it): reports each CSP violation to the host page. */
function reportViolations(type: string) {
  document.addEventListener("securitypolicyviolation", (e) => {
    const violation = {
      directive: e.effectiveDirective,
      blockedUri: e.blockedURI,
      sourceFile: e.sourceFile,
      line: e.lineNumber,
      sample: e.sample,
    };
    parent.postMessage({ [type]: violation }, "*");
  });
}
