import { useEffect, useRef, useState } from "react";
import type { McpUiResourceCsp, McpUiResourcePermissions } from "@modelcontextprotocol/ext-apps/app-bridge";
import type { ServerCalls } from "./connect";
import type { HostProfile } from "./hosts/profiles";
import { hostContext, openAiGlobals, type FrameLayout, type HostSettings } from "./settings";
import type { SavedCall } from "./widget-state-storage";
import { WidgetSession, type WidgetSessionEvents } from "./widget-session";
import type { ListedTool } from "./widget-template";

export interface WidgetResource {
  uri: string;
  html: string;
  mimeType?: string;
  meta?: Record<string, unknown>;
}

interface Props {
  sandboxUrl: string;
  client: ServerCalls;
  tools: ListedTool[];
  call: Pick<SavedCall, "id" | "tool" | "args">;
  /** Absent while the widget waits for the tool (its input is being streamed). */
  result: Record<string, unknown> | undefined;
  resource: WidgetResource;
  /** The host played, and the sandbox it grants this widget (the CSP origins it applies). */
  profile: HostProfile;
  sandbox: { csp?: McpUiResourceCsp; permissions?: McpUiResourcePermissions };
  /** Stream the input before sending it whole (set for a call made with "stream input" on). */
  stream?: { intervalMs: number };
  settings: HostSettings;
  layout: FrameLayout;
  initialWidgetState: unknown;
  reloadKey: number;
  events: Omit<WidgetSessionEvents, "size">;
}

/**
 * The widget as a host shows it: a frame on the sandbox origin sized for the display mode, its height following
 * what the widget reports up to the mode's maxHeight.
 */
export function WidgetStage(props: Props) {
  const { sandboxUrl, client, call, resource, profile, sandbox, settings, layout, reloadKey } = props;
  const holder = useRef<HTMLDivElement>(null);
  const session = useRef<WidgetSession | undefined>(undefined);
  const latest = useRef(props);
  latest.current = props;
  const [height, setHeight] = useState<number>();

  useEffect(() => {
    const p = latest.current;
    const frame = document.createElement("iframe");
    frame.title = "Widget sandbox";
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-forms allow-popups");
    frame.setAttribute("data-testid", "widget-frame");
    frame.src = sandboxUrl;
    holder.current!.appendChild(frame);
    setHeight(undefined);
    const tool = p.tools.find((t) => t.name === call.tool);
    let live: WidgetSession | undefined;
    let closed = false;
    void WidgetSession.start({
      frame,
      client,
      tools: p.tools,
      profile,
      html: resource.html,
      sandbox,
      context: hostContext(p.settings, p.layout, { id: call.id, tool: tool as never }, profile),
      toolInput: call.args,
      toolResult: p.result,
      stream: p.result ? undefined : p.stream,
      openAiGlobals: {
        ...openAiGlobals(p.settings, p.layout),
        // While the input streams ChatGPT's toolInput stays null; it is set when the complete input arrives.
        toolInput: p.result || !p.stream ? call.args : null,
        toolOutput: p.result?.structuredContent ?? null,
        toolResponseMetadata: p.result?._meta ?? null,
        widgetState: p.initialWidgetState ?? null,
      },
      events: { ...p.events, size: setHeight },
    }).then((s) => {
      if (closed) s.close();
      else session.current = live = s;
    });
    return () => {
      closed = true;
      live?.close();
      session.current = undefined;
      frame.remove();
    };
  }, [sandboxUrl, client, call, resource, profile, sandbox, reloadKey]);

  useEffect(() => {
    const tool = latest.current.tools.find((t) => t.name === call.tool);
    session.current?.setContext(hostContext(settings, layout, { id: call.id, tool: tool as never }, profile), openAiGlobals(settings, layout));
  }, [settings, layout, call, profile]);

  useEffect(() => {
    if (props.result) session.current?.setToolResult(props.result);
  }, [props.result]);

  const fullscreen = settings.displayMode === "fullscreen";
  const frameHeight = fullscreen ? layout.maxHeight : Math.min(height ?? 200, layout.maxHeight);
  return (
    <div
      ref={holder}
      className={`widget-holder mode-${settings.displayMode}`}
      data-display-mode={settings.displayMode}
      style={{ width: layout.width, height: frameHeight }}
    />
  );
}
