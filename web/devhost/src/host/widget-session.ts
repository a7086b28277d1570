import {
  AppBridge,
  PostMessageTransport,
  type McpUiHostCapabilities,
  type McpUiHostContext,
} from "@modelcontextprotocol/ext-apps/app-bridge";
import { CSP_VIOLATION, OPENAI_CALL, OPENAI_GLOBALS, OPENAI_REPLY, envelope, type CspViolation, type OpenAiCall } from "../shared/messages";
import type { ServerCalls } from "./connect";
import { LoggingTransport, type Logger } from "./message-log";
import { withOpenAi } from "./openai-shim";
import type { HostMode } from "./settings";
import { resourceSandbox, widgetMayCall, type ListedTool } from "./widget-template";

/** What the host page hears from a widget, and what it decides for it. */
export interface WidgetSessionEvents {
  log: Logger;
  followUp(text: string): void;
  modelContext(context: unknown): void;
  openLink(url: string): void;
  displayMode(mode: string): void;
  size(height: number): void;
  widgetState(state: unknown): void;
  violation(violation: CspViolation): void;
  note(text: string): void;
}

export interface WidgetSessionOptions {
  frame: HTMLIFrameElement;
  /** The app's server, through the dev host's connection (which signs in when a call needs it). */
  client: ServerCalls;
  tools: ListedTool[];
  mode: HostMode;
  html: string;
  meta: Record<string, unknown> | undefined;
  context: McpUiHostContext;
  toolInput: Record<string, unknown>;
  toolResult: Record<string, unknown>;
  /** ChatGPT mode: the `window.openai` globals the widget starts with. */
  openAiGlobals?: Record<string, unknown>;
  events: WidgetSessionEvents;
}

const hostInfo = { name: "Inlay dev host", version: "0.1.0" };

const capabilities: McpUiHostCapabilities = {
  openLinks: {},
  serverTools: {},
  serverResources: {},
  logging: {},
  message: { text: {} },
  updateModelContext: { text: {}, structuredContent: {} },
};

/**
 * One rendered widget: the sandbox frame's bridge (an ext-apps AppBridge over postMessage), the widget-initiated
 * calls it allows, and in ChatGPT mode the `window.openai` calls and globals.
 */
export class WidgetSession {
  readonly bridge: AppBridge;
  private readonly removeListener: () => void;

  private constructor(private readonly options: WidgetSessionOptions) {
    const { client, context, events } = options;
    // No client given: the page forwards what the widget may reach itself, so it can refuse what hosts refuse.
    this.bridge = new AppBridge(null, hostInfo, capabilities, { hostContext: context });
    const onMessage = (event: MessageEvent) => {
      if (event.source !== options.frame.contentWindow) return;
      const violation = envelope<CspViolation>(event.data, CSP_VIOLATION);
      if (violation) {
        events.log({ channel: "csp", direction: "in", label: `blocked ${violation.directive}`, message: violation });
        events.violation(violation);
      }
      const call = envelope<OpenAiCall>(event.data, OPENAI_CALL);
      if (call) void this.answerOpenAi(call);
    };
    addEventListener("message", onMessage);
    this.removeListener = () => removeEventListener("message", onMessage);
  }

  /** Connects the bridge to the frame (already in the page, loading the sandbox proxy) and loads the widget. */
  static async start(options: WidgetSessionOptions): Promise<WidgetSession> {
    const session = new WidgetSession(options);
    await session.connect();
    return session;
  }

  private async connect() {
    const { frame, events, mode } = this.options;
    const bridge = this.bridge;
    const target = frame.contentWindow!;
    bridge.onsizechange = ({ height }) => height !== undefined && events.size(height);
    bridge.onmessage = async ({ content }) => {
      events.followUp(textOf(content));
      return {};
    };
    bridge.onopenlink = async ({ url }) => {
      events.openLink(url);
      return {};
    };
    bridge.onrequestdisplaymode = async ({ mode: requested }) => {
      events.displayMode(requested);
      return { mode: requested };
    };
    bridge.onupdatemodelcontext = async (params) => {
      events.modelContext(params);
      return {};
    };
    bridge.onloggingmessage = (params) => events.note(`widget log (${params.level}): ${JSON.stringify(params.data)}`);
    bridge.onrequestteardown = () => events.note("The widget asked to be closed.");
    bridge.oninitialized = () => {
      void bridge.sendToolInput({ arguments: this.options.toolInput });
      void bridge.sendToolResult(this.options.toolResult as never);
    };
    bridge.onsandboxready = () => {
      const { csp, permissions } = resourceSandbox(this.options.meta);
      const html = mode === "chatgpt" ? withOpenAi(this.options.html, this.options.openAiGlobals ?? {}) : this.options.html;
      performance.mark("inlay:widget-html-sent");
      void bridge.sendSandboxResourceReady({ html, csp, permissions });
    };
    const client = this.options.client;
    bridge.oncalltool = (params) => this.callTool(params.name, params.arguments ?? {});
    bridge.onreadresource = (params) => client.readResource(params) as never;
    bridge.onlistresources = (params) => client.listResources(params) as never;
    bridge.onlistresourcetemplates = (params) => client.listResourceTemplates(params) as never;
    await bridge.connect(new LoggingTransport(new PostMessageTransport(target, target), "bridge", events.log));
  }

  /** Forwards a widget's tool call to the server, only for tools the widget may call, as hosts do. */
  private async callTool(name: string, args: Record<string, unknown>) {
    const tool = this.options.tools.find((t) => t.name === name);
    if (!tool) throw new Error(`Unknown tool "${name}".`);
    if (!widgetMayCall(tool, this.options.mode))
      throw new Error(`Tool "${name}" cannot be called from a widget: its visibility does not include "app".`);
    return (await this.options.client.callTool({ name, arguments: args })) as never;
  }

  /** Pushes host context changes (theme, locale, display mode, sizes) to the widget. */
  setContext(context: McpUiHostContext, globals?: Record<string, unknown>) {
    this.bridge.setHostContext(context);
    if (this.options.mode === "chatgpt" && globals) this.postGlobals(globals);
  }

  /** Replaces the tool result the widget shows (the output editor). */
  setToolResult(result: Record<string, unknown>) {
    void this.bridge.sendToolResult(result as never);
    if (this.options.mode === "chatgpt")
      this.postGlobals({ toolOutput: result.structuredContent ?? null, toolResponseMetadata: result._meta ?? null });
  }

  close() {
    this.removeListener();
    void this.bridge.close();
  }

  private postGlobals(globals: Record<string, unknown>) {
    this.options.frame.contentWindow?.postMessage({ [OPENAI_GLOBALS]: globals }, "*");
    this.options.events.log({ channel: "openai", direction: "out", label: "openai:set_globals", message: globals });
  }

  private async answerOpenAi({ id, method, params }: OpenAiCall) {
    const { events } = this.options;
    events.log({ channel: "openai", direction: "in", label: method, message: params });
    let reply: { result?: unknown; error?: string };
    try {
      reply = { result: await this.openAi(method, (params ?? {}) as Record<string, unknown>) };
    } catch (e) {
      reply = { error: (e as Error).message };
    }
    events.log({ channel: "openai", direction: "out", label: `${method} (reply)`, message: reply });
    this.options.frame.contentWindow?.postMessage({ [OPENAI_REPLY]: { id, ...reply } }, "*");
  }

  private async openAi(method: string, params: Record<string, unknown>): Promise<unknown> {
    const { events } = this.options;
    switch (method) {
      case "callTool":
        return this.callTool(String(params.name), (params.args ?? {}) as Record<string, unknown>);
      case "sendFollowUpMessage":
        events.followUp(String(params.prompt ?? ""));
        return undefined;
      case "openExternal":
        events.openLink(String(params.href ?? ""));
        return undefined;
      case "requestDisplayMode": {
        const mode = String(params.mode ?? "inline");
        events.displayMode(mode);
        return { mode };
      }
      case "setWidgetState":
        events.widgetState(params.state ?? null);
        return undefined;
      case "notifyIntrinsicHeight":
        if (typeof params.height === "number") events.size(params.height);
        return undefined;
      case "requestClose":
        events.note("The widget asked to be closed.");
        return undefined;
      default:
        throw new Error(`window.openai.${method} is not available in the Inlay dev host.`);
    }
  }
}

function textOf(content: unknown): string {
  const blocks = Array.isArray(content) ? content : [content];
  return blocks
    .map((b) => (b && typeof b === "object" && "text" in b ? String((b as { text: unknown }).text) : JSON.stringify(b)))
    .join("\n");
}
