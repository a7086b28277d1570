import { useEffect, useRef, useState } from "react";
import type { ServerCalls } from "./connect";
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
  call: SavedCall;
  result: Record<string, unknown>;
  resource: WidgetResource;
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
  const { sandboxUrl, client, call, resource, settings, layout, reloadKey } = props;
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
      mode: p.settings.mode,
      html: resource.html,
      meta: resource.meta,
      context: hostContext(p.settings, p.layout, { id: call.id, tool: tool as never }),
      toolInput: call.args,
      toolResult: p.result,
      openAiGlobals: {
        ...openAiGlobals(p.settings, p.layout),
        toolInput: call.args,
        toolOutput: p.result.structuredContent ?? null,
        toolResponseMetadata: p.result._meta ?? null,
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
  }, [sandboxUrl, client, call, resource, settings.mode, reloadKey]);

  useEffect(() => {
    const tool = latest.current.tools.find((t) => t.name === call.tool);
    session.current?.setContext(hostContext(settings, layout, { id: call.id, tool: tool as never }), openAiGlobals(settings, layout));
  }, [settings, layout, call]);

  useEffect(() => {
    session.current?.setToolResult(props.result);
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
