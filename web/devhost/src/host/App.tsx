import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { contentSecurityPolicy } from "../sandbox/content-security-policy";
import type { CspViolation } from "../shared/messages";
import { Connection, loadConfig, type DevHostConfig } from "./connect";
import { watchWidgetChanges } from "./widget-changes";
import { Controls } from "./Controls";
import type { LogEntry, Logger } from "./message-log";
import { SignIn } from "./oauth/sign-in";
import { CspPanel } from "./panels/CspPanel";
import { LogPanel } from "./panels/LogPanel";
import { OutputPanel } from "./panels/OutputPanel";
import { StatePanel } from "./panels/StatePanel";
import { TranscriptPanel, type TranscriptEntry } from "./panels/TranscriptPanel";
import { SignInArea } from "./SignInArea";
import { useSettings } from "./use-settings";
import { useStageSize } from "./use-stage-size";
import { frameLayout, type HostSettings } from "./settings";
import { ToolForm } from "./ToolForm";
import { loadLastCall, loadWidgetState, saveLastCall, saveWidgetState, type SavedCall } from "./widget-state-storage";
import { WidgetStage, type WidgetResource } from "./WidgetStage";
import { resourceSandbox, templateUri, widgetMayCall, type ListedTool } from "./widget-template";

type Tab = "output" | "state" | "transcript" | "csp" | "log";
const MAX_LOG = 1000;

export function App() {
  const [config, setConfig] = useState<DevHostConfig>();
  const [client, setClient] = useState<Connection>();
  const [signIn, setSignIn] = useState<SignIn>();
  const [tools, setTools] = useState<ListedTool[]>([]);
  const [failure, setFailure] = useState<string>();
  const [settings, changeSettings] = useSettings();
  const [selected, setSelected] = useState<string>();
  const [call, setCall] = useState<SavedCall>();
  const [result, setResult] = useState<Record<string, unknown>>();
  const [resource, setResource] = useState<WidgetResource>();
  const [resourceError, setResourceError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [callError, setCallError] = useState<string>();
  const [lastCallId, setLastCallId] = useState<number>();
  const [reloadKey, setReloadKey] = useState(0);
  const [tab, setTab] = useState<Tab>("output");
  const [log, setLog] = useState<LogEntry[]>([]);
  const [transcript, setTranscript] = useState<TranscriptEntry[]>([]);
  const [violations, setViolations] = useState<CspViolation[]>([]);
  const [modelContext, setModelContext] = useState<unknown>();
  const [widgetState, setWidgetState] = useState<unknown>();
  const [widgetsChanged, setWidgetsChanged] = useState(0);
  const rebuilt = useRef(false);
  const [stageRef, stage] = useStageSize();
  const seq = useRef(0);

  const logger: Logger = useCallback((entry) => {
    const full = { ...entry, seq: seq.current++, at: performance.now() };
    setLog((l) => (l.length >= MAX_LOG ? [...l.slice(1 - MAX_LOG), full] : [...l, full]));
  }, []);
  const say = useCallback((kind: TranscriptEntry["kind"], text: string) => setTranscript((t) => [...t, { kind, text }]), []);

  // Connect to the app's MCP endpoint (signing in first when it asks) and list its tools; bring back the last call, if any.
  useEffect(() => {
    let cancelled = false;
    let auth: SignIn | undefined;
    (async () => {
      const cfg = await loadConfig();
      if (cancelled) return;
      setConfig(cfg);
      auth = new SignIn({
        mcpUrl: new URL(cfg.mcpUrl, location.href).href,
        redirectUrl: new URL("./oauth-callback.html", location.href).href,
        log: logger,
      });
      setSignIn(auth);
      const c = await Connection.open(cfg, logger, auth);
      const listed = (await c.listTools()).tools as ListedTool[];
      if (cancelled) return;
      setClient(c);
      setTools(listed);
      const wanted = new URLSearchParams(location.search).get("tool");
      const last = loadLastCall();
      const lastTool = last && listed.some((t) => t.name === last.tool) ? last : undefined;
      setSelected(wanted ?? lastTool?.tool ?? listed.find((t) => templateUri(t, "apps"))?.name ?? listed[0]?.name);
      if (lastTool && (!wanted || wanted === lastTool.tool)) {
        setCall(lastTool);
        setResult(lastTool.result);
      }
    })().catch((e: Error) => !cancelled && setFailure(e.message));
    return () => {
      cancelled = true;
      auth?.dispose();
    };
  }, [logger]);

  // A widget rebuilt while the app runs (Inlay watches its files in Development): list the tools again (the template
  // URI carries the new version) and read the template again; the widget re-renders with the last result and state.
  useEffect(() => {
    if (!client) return;
    return watchWidgetChanges("./events", (change) => {
      logger({ channel: "mcp", direction: "in", label: "widgets-changed (/_inlay/events)", message: change });
      say("note", "A widget was rebuilt: reloading it with the last result.");
      client
        .listTools()
        .then((listed) => {
          rebuilt.current = true;
          setTools(listed.tools as ListedTool[]);
          setWidgetsChanged((n) => n + 1);
        })
        .catch((e: Error) => setResourceError(`tools/list after a widget rebuild failed: ${e.message}`));
    });
  }, [client, logger, say]);

  const tool = tools.find((t) => t.name === call?.tool);
  const uri = tool && templateUri(tool, settings.mode);
  const instanceId = call && instanceOf(call, result, settings.mode);

  // Read the template the current mode renders (ChatGPT may render a different one).
  useEffect(() => {
    // After a rebuild the old widget stays up until the new template is read, so nothing flickers.
    if (!rebuilt.current) setResource(undefined);
    rebuilt.current = false;
    setResourceError(undefined);
    if (!client || !uri) {
      setResource(undefined);
      return;
    }
    let cancelled = false;
    client
      .readResource({ uri })
      .then((read) => {
        const content = read.contents[0] as { uri: string; text?: string; mimeType?: string; _meta?: Record<string, unknown> } | undefined;
        if (cancelled) return;
        if (!content || typeof content.text !== "string") setResourceError(`resources/read of ${uri} returned no HTML text.`);
        else setResource({ uri, html: content.text, mimeType: content.mimeType, meta: content._meta });
      })
      .catch((e: Error) => !cancelled && setResourceError(`resources/read of ${uri} failed: ${e.message}`));
    return () => {
      cancelled = true;
    };
  }, [client, uri, widgetsChanged]);

  useEffect(() => {
    setWidgetState(instanceId && settings.mode === "chatgpt" ? loadWidgetState(instanceId) : undefined);
    setViolations([]);
  }, [instanceId, settings.mode]);

  const callTool = async (name: string, args: Record<string, unknown>) => {
    if (!client) return;
    setBusy(true);
    const id = Date.now();
    setCallError(undefined);
    try {
      // User Timing marks, so DevTools (and bench/firstpaint) can time a call to the widget's first paint.
      performance.mark("inlay:tool-call");
      say("tool-call", `${name}(${JSON.stringify(args)})`);
      const res = (await client.callTool({ name, arguments: args })) as Record<string, unknown>;
      const saved = { id, tool: name, args, result: res };
      saveLastCall(saved);
      setCall(saved);
      setResult(res);
      setModelContext(undefined);
    } catch (e) {
      setCallError(`${name} failed: ${(e as Error).message}`);
    } finally {
      setBusy(false);
      setLastCallId(id);
    }
  };

  const layout = useMemo(() => frameLayout(settings, stage), [settings, stage]);
  const events = useMemo(
    () => ({
      log: logger,
      followUp: (text: string) => say("follow-up", text),
      modelContext: (context: unknown) => {
        setModelContext(context);
        say("model-context", JSON.stringify(context));
      },
      openLink: (url: string) => say("open-link", url),
      displayMode: (mode: string) => {
        say("display-mode", mode);
        changeSettings({ displayMode: mode as HostSettings["displayMode"] });
      },
      widgetState: (state: unknown) => {
        if (instanceId) saveWidgetState(instanceId, state);
        setWidgetState(state);
      },
      violation: (v: CspViolation) => setViolations((list) => [...list, v]),
      note: (text: string) => say("note", text),
    }),
    [logger, say, changeSettings, instanceId],
  );

  const sandbox = resourceSandbox(resource?.meta);
  const selectedTool = tools.find((t) => t.name === selected);

  if (failure) return <p className="fatal" role="alert">Could not reach the app's MCP endpoint: {failure}</p>;
  return (
    <div className={`devhost theme-${settings.theme}`}>
      <header>
        <h1>Inlay dev host</h1>
        <span className="muted">{config?.appName}</span>
        <SignInArea signIn={signIn} />
        <Controls settings={settings} onChange={changeSettings} />
      </header>
      <aside className="tools">
        <h2>Tools</h2>
        <ul>
          {tools.map((t) => (
            <li key={t.name}>
              <button type="button" data-tool={t.name} aria-pressed={t.name === selected} onClick={() => setSelected(t.name)}>
                {t.name}
                {templateUri(t, settings.mode) && <span className="badge">widget</span>}
                {!widgetMayCall(t, settings.mode) && <span className="badge muted">model only</span>}
              </button>
            </li>
          ))}
        </ul>
        {selectedTool && (
          <>
            <h2>{selectedTool.title ?? selectedTool.name}</h2>
            {selectedTool.description && <p className="muted">{selectedTool.description}</p>}
            <ToolForm key={selectedTool.name} tool={selectedTool} busy={busy} onCall={(args) => void callTool(selectedTool.name, args)} />
          </>
        )}
      </aside>
      <main className={`stage device-${settings.device}`} ref={stageRef} data-call={lastCallId ?? call?.id} data-widget={Boolean(call && uri)}>
        {violations.length > 0 && (
          <p className="error" role="status" data-testid="csp-banner">
            The widget's CSP blocked {violations.length} request{violations.length > 1 ? "s" : ""}: see the CSP tab.
          </p>
        )}
        {callError && (
          <p className="error" role="alert" data-testid="call-error">
            {callError}
          </p>
        )}
        {call && result?.isError === true && !resource && <pre className="error">{JSON.stringify(result.content, null, 2)}</pre>}
        {resourceError && <p className="error" role="alert">{resourceError}</p>}
        {call && tool && !uri && <p className="muted">{call.tool} has no widget in this mode; its result is in the Output tab.</p>}
        {config && client && call && result && resource && (
          <>
            <div className="stage-toolbar">
              <span className="muted">
                {resource.uri} · {resource.mimeType} · {layout.width}×{layout.maxHeight} max
              </span>
              <button type="button" onClick={() => setReloadKey((k) => k + 1)}>
                Reload widget
              </button>
            </div>
            <div className={sandbox.prefersBorder ? "widget-border" : undefined}>
              <WidgetStage
                sandboxUrl={config.sandboxUrl}
                client={client}
                tools={tools}
                call={call}
                result={result}
                resource={resource}
                settings={settings}
                layout={layout}
                initialWidgetState={widgetState}
                reloadKey={reloadKey}
                events={events}
              />
            </div>
          </>
        )}
        {!call && <p className="muted">Call a tool to see its widget.</p>}
      </main>
      <section className="panels">
        <nav role="tablist">
          {(["output", "state", "transcript", "csp", "log"] as Tab[]).map((t) => (
            <button key={t} role="tab" type="button" aria-selected={tab === t} onClick={() => setTab(t)}>
              {t === "csp" ? `CSP (${violations.length})` : t === "transcript" ? `transcript (${transcript.length})` : t}
            </button>
          ))}
        </nav>
        {tab === "output" && (
          <OutputPanel output={result?.structuredContent} onApply={(structuredContent) => setResult((r) => ({ ...r, structuredContent }))} />
        )}
        {tab === "state" && <StatePanel instanceId={instanceId} widgetState={widgetState} modelContext={modelContext} />}
        {tab === "transcript" && <TranscriptPanel entries={transcript} />}
        {tab === "csp" && <CspPanel violations={violations} policy={contentSecurityPolicy(sandbox.csp)} />}
        {tab === "log" && <LogPanel entries={log} onClear={() => setLog([])} />}
      </section>
    </div>
  );
}

/** A widget instance: ChatGPT's widget session id when the tool sets one, else the tool call. */
function instanceOf(call: SavedCall, result: Record<string, unknown> | undefined, mode: HostSettings["mode"]): string {
  const session = (result?._meta as Record<string, unknown> | undefined)?.["openai/widgetSessionId"];
  return mode === "chatgpt" && typeof session === "string" ? session : String(call.id);
}
