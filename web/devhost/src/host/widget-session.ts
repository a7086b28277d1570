import {
  AppBridge,
  PostMessageTransport,
  type McpUiDisplayMode,
  type McpUiHostCapabilities,
  type McpUiHostContext,
  type McpUiResourceCsp,
  type McpUiResourcePermissions,
} from "@modelcontextprotocol/ext-apps/app-bridge";
import { CSP_VIOLATION, OPENAI_CALL, OPENAI_GLOBALS, OPENAI_REPLY, envelope, type CspViolation, type OpenAiCall } from "../shared/messages";
import type { ServerCalls } from "./connect";
import { LoggingTransport, type Logger } from "./message-log";
import { answerDisplayMode, dialectOf, hasOpenAi, type HostProfile } from "./hosts/profiles";
import { streamInput } from "./hosts/stream-input";
import { withOpenAi } from "./openai-shim";
import { widgetMayCall, type ListedTool } from "./widget-template";

/** What the host page hears from a widget, and what it decides for it. */
export interface WidgetSessionEvents {
  log: Logger;
  followUp(text: string): void;
  modelContext(context: unknown): void;
  openLink(url: string): void;
  /** A display mode request: the mode granted, and when it is not the one asked for, why. */
  displayMode(mode: string, refused?: { requested: string; reason: string }): void;
  size(height: number): void;
  widgetState(state: unknown): void;
  violation(violation: CspViolation): void;
  note(text: string): void;
  /** The complete tool input reached the widget (after the streamed partial inputs, when streaming). */
  inputDelivered(): void;
}

export interface WidgetSessionOptions {
  frame: HTMLIFrameElement;
  /** The app's server, through the dev host's connection (which signs in when a call needs it). */
  client: ServerCalls;
  tools: ListedTool[];
  /** The host the dev host plays. */
  profile: HostProfile;
  html: string;
  /** What the host grants the widget's frame: the CSP origins it applies from the declared ones, the permissions. */
  sandbox: { csp?: McpUiResourceCsp; permissions?: McpUiResourcePermissions };
  context: McpUiHostContext;
  toolInput: Record<string, unknown>;
  /** The tool's result; absent while the tool has not been called yet (streamed input), then given to `setToolResult`. */
  toolResult?: Record<string, unknown>;
  /** Send the input as partial inputs first, this many milliseconds apart. */
  stream?: { intervalMs: number };
  /** Hosts with `window.openai` (ChatGPT): the globals the widget starts with. */
  openAiGlobals?: Record<string, unknown>;
  events: WidgetSessionEvents;
}

const hostInfo = { name: "Inlay dev host", version: "0.1.0" };

/** What the host offers a widget, with the sandbox it actually granted (the CSP origins it applied). */
function capabilities(sandbox: WidgetSessionOptions["sandbox"]): McpUiHostCapabilities {
  return {
    openLinks: {},
    serverTools: {},
    serverResources: {},
    logging: {},
    message: { text: {} },
    updateModelContext: { text: {}, structuredContent: {} },
    sandbox: { ...(sandbox.csp ? { csp: sandbox.csp } : {}), ...(sandbox.permissions ? { permissions: sandbox.permissions } : {}) },
  };
}

/**
 * One rendered widget: the sandbox frame's bridge (an ext-apps AppBridge over postMessage), the widget-initiated
 * calls it allows, the display modes the host grants, the tool input (streamed when asked), and in hosts with
 * `window.openai` (ChatGPT) its calls and globals.
 */
export class WidgetSession {
  readonly bridge: AppBridge;
  private readonly removeListener: () => void;
  private readonly usesOpenAi: boolean;
  private displayMode: McpUiDisplayMode;
  private closed = false;

  private constructor(private readonly options: WidgetSessionOptions) {
    const { client, context, events } = options;
    this.usesOpenAi = hasOpenAi(options.profile);
    this.displayMode = context.displayMode ?? "inline";
    // No client given: the page forwards what the widget may reach itself, so it can refuse what hosts refuse.
    this.bridge = new AppBridge(null, hostInfo, capabilities(options.sandbox), { hostContext: context });
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
    const { frame, events } = this.options;
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
    bridge.onrequestdisplaymode = async ({ mode: requested }) =>
      this.requestDisplayMode(requested, bridge.getAppCapabilities()?.availableDisplayModes);
    bridge.onupdatemodelcontext = async (params) => {
      events.modelContext(params);
      return {};
    };
    bridge.onloggingmessage = (params) => events.note(`widget log (${params.level}): ${JSON.stringify(params.data)}`);
    bridge.onrequestteardown = () => events.note("The widget asked to be closed.");
    bridge.oninitialized = () => void this.deliverInput();
    bridge.onsandboxready = () => {
      const { csp, permissions } = this.options.sandbox;
      const html = this.usesOpenAi ? withOpenAi(this.options.html, this.options.openAiGlobals ?? {}) : this.options.html;
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

  /**
   * The tool input, once the widget is initialized: streamed as partial inputs first when asked (growing prefixes of
   * the arguments, a few tens of milliseconds apart), then complete; then the result, when there is one already.
   */
  private async deliverInput() {
    const { stream, toolInput, events } = this.options;
    const bridge = this.bridge;
    if (stream) {
      const done = await streamInput(
        toolInput,
        stream.intervalMs,
        { partial: (args) => bridge.sendToolInputPartial({ arguments: args }), complete: (args) => bridge.sendToolInput({ arguments: args }) },
        () => this.closed,
      );
      if (!done) return;
    } else {
      await bridge.sendToolInput({ arguments: toolInput });
    }
    if (this.usesOpenAi && stream) this.postGlobals({ toolInput });
    events.inputDelivered();
    if (this.options.toolResult) await bridge.sendToolResult(this.options.toolResult as never);
  }

  /** Grants a display mode the host grants and the widget declared; answers the current mode otherwise. */
  private async requestDisplayMode(requested: McpUiDisplayMode, appModes?: readonly string[]) {
    const answer = answerDisplayMode(requested, this.displayMode, this.options.profile, appModes);
    if (answer.refused) this.options.events.displayMode(answer.mode, { requested, reason: answer.refused });
    else {
      this.displayMode = answer.mode;
      this.options.events.displayMode(answer.mode);
    }
    return { mode: answer.mode };
  }

  /** Forwards a widget's tool call to the server, only for tools the widget may call, as hosts do. */
  private async callTool(name: string, args: Record<string, unknown>) {
    const tool = this.options.tools.find((t) => t.name === name);
    if (!tool) throw new Error(`Unknown tool "${name}".`);
    if (!widgetMayCall(tool, dialectOf(this.options.profile)))
      throw new Error(`Tool "${name}" cannot be called from a widget: its visibility does not include "app".`);
    return (await this.options.client.callTool({ name, arguments: args })) as never;
  }

  /** Pushes host context changes (theme, locale, display mode, sizes) to the widget. */
  setContext(context: McpUiHostContext, globals?: Record<string, unknown>) {
    if (context.displayMode) this.displayMode = context.displayMode;
    this.bridge.setHostContext(context);
    if (this.usesOpenAi && globals) this.postGlobals(globals);
  }

  /** Gives the widget the tool's result: the first one after streamed input, or a new one (the output editor). */
  setToolResult(result: Record<string, unknown>) {
    void this.bridge.sendToolResult(result as never);
    if (this.usesOpenAi)
      this.postGlobals({ toolOutput: result.structuredContent ?? null, toolResponseMetadata: result._meta ?? null });
  }

  close() {
    this.closed = true;
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
      case "requestDisplayMode":
        return this.requestDisplayMode(String(params.mode ?? "inline") as McpUiDisplayMode);
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
