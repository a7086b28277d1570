import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { contentSecurityPolicy } from "../sandbox/content-security-policy";
import type { CspViolation } from "../shared/messages";
import { Connection, loadConfig, type DevHostConfig } from "./connect";
import { checkDomain } from "./hosts/domain";
import { cspForHost } from "./hosts/host-csp";
import { partialInputs } from "./hosts/stream-input";
import {
  clientIdentity,
  dialectOf,
  hasOpenAi,
  loadHosts,
  namesClientPerRequest,
  rendersMimeType,
  requestMeta,
  selectProfile,
  type HostsDocument,
} from "./hosts/profiles";
import { watchWidgetChanges } from "./widget-changes";
import { Controls } from "./Controls";
import type { LogEntry, Logger } from "./message-log";
import { SignIn } from "./oauth/sign-in";
import { CspPanel } from "./panels/CspPanel";
import { HostPanel } from "./panels/HostPanel";
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

type Tab = "output" | "state" | "transcript" | "csp" | "host" | "log";
const MAX_LOG = 1000;
/** How long a call with streamed input waits for the widget to take its input before calling the tool anyway. */
const STREAM_WAIT_MS = 15_000;

/** The call the stage shows: a finished one (with its result), or one whose input is still streaming to the widget. */
type ShownCall = Omit<SavedCall, "result"> & { result?: Record<string, unknown>; stream?: { intervalMs: number } };

/** Why the host renders nothing for this widget, in its own words (a template it refuses). */
interface Refusal {
  testId: "domain-error" | "mime-error";
  message: string;
  detail: string;
}

export function App() {
  const [config, setConfig] = useState<DevHostConfig>();
  const [hosts, setHosts] = useState<HostsDocument>();
  const [client, setClient] = useState<Connection>();
  const [signIn, setSignIn] = useState<SignIn>();
  const [tools, setTools] = useState<ListedTool[]>([]);
  const [failure, setFailure] = useState<string>();
  const [settings, changeSettings] = useSettings();
  const [selected, setSelected] = useState<string>();
  const [call, setCall] = useState<ShownCall>();
  const [result, setResult] = useState<Record<string, unknown>>();
  const [resource, setResource] = useState<WidgetResource>();
  const [resourceError, setResourceError] = useState<string>();
  const [refusal, setRefusal] = useState<Refusal>();
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
  const restored = useRef(false);
  const inputWaiters = useRef(new Map<number, () => void>());
  const latestSettings = useRef(settings);
  latestSettings.current = settings;

  const logger: Logger = useCallback((entry) => {
    const full = { ...entry, seq: seq.current++, at: performance.now() };
    setLog((l) => (l.length >= MAX_LOG ? [...l.slice(1 - MAX_LOG), full] : [...l, full]));
  }, []);
  const say = useCallback((kind: TranscriptEntry["kind"], text: string) => setTranscript((t) => [...t, { kind, text }]), []);

  // Where the app's MCP endpoint and sandbox are, and the host profiles; sign-in is shared by every connection.
  useEffect(() => {
    let cancelled = false;
    let auth: SignIn | undefined;
    (async () => {
      const [cfg, doc] = await Promise.all([loadConfig(), loadHosts()]);
      if (cancelled) return;
      setConfig(cfg);
      setHosts(doc);
      auth = new SignIn({
        mcpUrl: new URL(cfg.mcpUrl, location.href).href,
        redirectUrl: new URL("./oauth-callback.html", location.href).href,
        log: logger,
      });
      setSignIn(auth);
    })().catch((e: Error) => !cancelled && setFailure(e.message));
    return () => {
      cancelled = true;
      auth?.dispose();
    };
  }, [logger]);

  const profile = hosts && selectProfile(hosts, settings.host);
  const dialect = profile ? dialectOf(profile) : "apps";
  const openAi = profile ? hasOpenAi(profile) : false;
  const endpointUrl = config ? new URL(config.mcpUrl, location.href).href : "";

  // Connect to the app's MCP endpoint as the host played (signing in first when it asks) and list its tools; again
  // when the person picks another host. The first time, bring back the last call, if any.
  useEffect(() => {
    if (!config || !signIn || !profile) return;
    let cancelled = false;
    let opened: Connection | undefined;
    setClient(undefined);
    (async () => {
      const meta = () => requestMeta(profile, latestSettings.current.locale, navigator.userAgent);
      const c = await Connection.open(config, logger, signIn, clientIdentity(profile), meta);
      if (cancelled) return void c.close().catch(() => undefined);
      opened = c;
      const listed = (await c.listTools()).tools as ListedTool[];
      if (cancelled) return;
      setClient(c);
      setTools(listed);
      if (restored.current) return;
      restored.current = true;
      const wanted = new URLSearchParams(location.search).get("tool");
      const last = loadLastCall();
      const lastTool = last && listed.some((t) => t.name === last.tool) ? last : undefined;
      setSelected(wanted ?? lastTool?.tool ?? listed.find((t) => templateUri(t, dialectOf(profile)))?.name ?? listed[0]?.name);
      if (lastTool && (!wanted || wanted === lastTool.tool)) {
        setCall(lastTool);
        setResult(lastTool.result);
      }
    })().catch((e: Error) => !cancelled && setFailure(e.message));
    return () => {
      cancelled = true;
      void opened?.close().catch(() => undefined);
    };
  }, [config, signIn, profile, logger]);

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
  const uri = tool && templateUri(tool, dialect);
  const instanceId = call && instanceOf(call, result, openAi);

  // Read the template the host renders (ChatGPT may render a different one), and refuse it where the host would:
  // a MIME type it does not render, a ui.domain it does not accept (Claude).
  useEffect(() => {
    // After a rebuild the old widget stays up until the new template is read, so nothing flickers.
    if (!rebuilt.current) setResource(undefined);
    rebuilt.current = false;
    setResourceError(undefined);
    setRefusal(undefined);
    if (!client || !uri || !profile) {
      setResource(undefined);
      return;
    }
    let cancelled = false;
    (async () => {
      const read = await client.readResource({ uri });
      const content = read.contents[0] as { uri: string; text?: string; mimeType?: string; _meta?: Record<string, unknown> } | undefined;
      if (cancelled) return;
      if (!content || typeof content.text !== "string") {
        setResourceError(`resources/read of ${uri} returned no HTML text.`);
        return;
      }
      let refused: Refusal | undefined;
      if (!rendersMimeType(profile, content.mimeType)) {
        refused = {
          testId: "mime-error",
          message: `${profile.name} does not render ${content.mimeType} templates.`,
          detail: `It renders ${profile.mimeTypes.join(" and ")}: serve the widget in that dialect too.`,
        };
      } else {
        const domain = await checkDomain(profile, content._meta, endpointUrl);
        if (!domain.ok) {
          // A stateless app tells hosts apart per request: by the client name from 2026-07-28 on, else by the
          // User-Agent, which a page cannot send.
          const caveat = namesClientPerRequest(client.protocolVersion)
            ? ""
            : ` The dev host spoke MCP ${client.protocolVersion ?? "2025"}, where only initialize names the client: a stateless app could not tell it plays ${profile.name} (whose own requests carry a User-Agent a page cannot send), so ${profile.name} itself may get its form.`;
          refused = { testId: "domain-error", message: domain.message, detail: domain.detail + caveat };
        }
      }
      if (cancelled) return;
      setRefusal(refused);
      setResource({ uri, html: content.text, mimeType: content.mimeType, meta: content._meta });
    })().catch((e: Error) => !cancelled && setResourceError(`resources/read of ${uri} failed: ${e.message}`));
    return () => {
      cancelled = true;
    };
  }, [client, uri, widgetsChanged, profile, endpointUrl]);

  useEffect(() => {
    setWidgetState(instanceId && openAi ? loadWidgetState(instanceId) : undefined);
    setViolations([]);
  }, [instanceId, openAi]);

  const callTool = async (name: string, args: Record<string, unknown>) => {
    if (!client) return;
    setBusy(true);
    const id = Date.now();
    setCallError(undefined);
    const called = tools.find((t) => t.name === name);
    // With "stream input" on, the widget comes up first and gets the arguments as the model would write them; the
    // tool runs once the complete input has reached it, as a host calls it when the model has finished.
    const streamed = settings.streamInput && called !== undefined && templateUri(called, dialect) !== undefined;
    try {
      // User Timing marks, so DevTools (and bench/firstpaint) can time a call to the widget's first paint.
      performance.mark("inlay:tool-call");
      say("tool-call", `${name}(${JSON.stringify(args)})`);
      if (streamed) {
        const steps = partialInputs(args).length;
        say("note", `Streaming the arguments to the widget: ${steps} partial input${steps === 1 ? "" : "s"}, ${settings.streamIntervalMs} ms apart, then the complete input.`);
        const delivered = new Promise<boolean>((resolve) => {
          inputWaiters.current.set(id, () => resolve(true));
          setTimeout(() => resolve(false), STREAM_WAIT_MS + steps * settings.streamIntervalMs);
        });
        setCall({ id, tool: name, args, stream: { intervalMs: Math.max(0, settings.streamIntervalMs) } });
        setResult(undefined);
        setModelContext(undefined);
        if (!(await delivered)) say("note", `The widget did not take its input within ${STREAM_WAIT_MS / 1000} s: calling the tool anyway.`);
        inputWaiters.current.delete(id);
      }
      const res = (await client.callTool({ name, arguments: args })) as Record<string, unknown>;
      const saved = { id, tool: name, args, result: res };
      saveLastCall(saved);
      if (!streamed) setCall(saved);
      setResult(res);
      if (!streamed) setModelContext(undefined);
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
      displayMode: (mode: string, refused?: { requested: string; reason: string }) => {
        if (refused) say("display-mode", `${refused.requested} refused: ${refused.reason}; answered {mode: "${mode}"}`);
        else {
          say("display-mode", mode);
          changeSettings({ displayMode: mode as HostSettings["displayMode"] });
        }
      },
      widgetState: (state: unknown) => {
        if (instanceId) saveWidgetState(instanceId, state);
        setWidgetState(state);
      },
      violation: (v: CspViolation) => setViolations((list) => [...list, v]),
      note: (text: string) => say("note", text),
      inputDelivered: () => {
        const waiting = inputWaiters.current;
        for (const resolve of waiting.values()) resolve();
        waiting.clear();
      },
    }),
    [logger, say, changeSettings, instanceId],
  );

  // What the resource asks for, and what the host grants of it: the CSP origins it applies (Claude's disputed
  // handling read as the person chose; frame origins it never applies left out).
  const declared = useMemo(() => resourceSandbox(resource?.meta), [resource]);
  const granted = useMemo(
    () => (profile ? cspForHost(declared.csp, profile, settings.disputedCsp) : { csp: declared.csp, withheld: {} }),
    [declared, profile, settings.disputedCsp],
  );
  const frameSandbox = useMemo(() => ({ csp: granted.csp, permissions: declared.permissions }), [granted, declared]);
  const stream = useMemo(() => call?.stream, [call]);
  const selectedTool = tools.find((t) => t.name === selected);

  if (failure) return <p className="fatal" role="alert">Could not reach the app's MCP endpoint: {failure}</p>;
  return (
    <div className={`devhost theme-${settings.theme}`} data-host={profile?.id}>
      <header>
        <h1>Inlay dev host</h1>
        <span className="muted">{config?.appName}</span>
        <SignInArea signIn={signIn} />
        <Controls settings={settings} profiles={hosts?.hosts ?? []} profile={profile} onChange={changeSettings} />
      </header>
      <aside className="tools">
        <h2>Tools</h2>
        <ul>
          {tools.map((t) => (
            <li key={t.name}>
              <button type="button" data-tool={t.name} aria-pressed={t.name === selected} onClick={() => setSelected(t.name)}>
                {t.name}
                {templateUri(t, dialect) && <span className="badge">widget</span>}
                {!widgetMayCall(t, dialect) && <span className="badge muted">model only</span>}
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
            {Object.keys(granted.withheld).length > 0 && profile && ` ${profile.name} did not apply some origins the widget declared.`}
          </p>
        )}
        {refusal && (
          <div className="error refusal" role="alert" data-testid={refusal.testId}>
            <p>
              <strong>{refusal.message}</strong>
            </p>
            <p className="muted">{refusal.detail}</p>
          </div>
        )}
        {callError && (
          <p className="error" role="alert" data-testid="call-error">
            {callError}
          </p>
        )}
        {call && result?.isError === true && !resource && <pre className="error">{JSON.stringify(result.content, null, 2)}</pre>}
        {resourceError && <p className="error" role="alert">{resourceError}</p>}
        {call && tool && !uri && <p className="muted">{call.tool} has no widget in {profile?.name ?? "this host"}; its result is in the Output tab.</p>}
        {config && client && profile && call && (result || call.stream) && resource && !refusal && (
          <>
            <div className="stage-toolbar">
              <span className="muted">
                {resource.uri} · {resource.mimeType} · {layout.width}×{layout.maxHeight} max
              </span>
              <button type="button" onClick={() => setReloadKey((k) => k + 1)}>
                Reload widget
              </button>
            </div>
            <div className={declared.prefersBorder ? "widget-border" : undefined}>
              <WidgetStage
                sandboxUrl={config.sandboxUrl}
                client={client}
                tools={tools}
                call={call}
                result={result}
                resource={resource}
                profile={profile}
                sandbox={frameSandbox}
                stream={stream}
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
          {(["output", "state", "transcript", "csp", "host", "log"] as Tab[]).map((t) => (
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
        {tab === "csp" && (
          <CspPanel violations={violations} policy={contentSecurityPolicy(granted.csp)} withheld={granted.withheld} hostName={profile?.name} />
        )}
        {tab === "host" && profile && (
          <HostPanel
            profile={profile}
            settings={settings}
            endpointUrl={endpointUrl}
            protocolVersion={client?.protocolVersion}
            domain={(resource?.meta?.ui as { domain?: unknown } | undefined)?.domain}
          />
        )}
        {tab === "log" && <LogPanel entries={log} onClear={() => setLog([])} />}
      </section>
    </div>
  );
}

/** A widget instance: ChatGPT's widget session id when the tool sets one, else the tool call. */
function instanceOf(call: Pick<SavedCall, "id">, result: Record<string, unknown> | undefined, openAi: boolean): string {
  const session = (result?._meta as Record<string, unknown> | undefined)?.["openai/widgetSessionId"];
  return openAi && typeof session === "string" ? session : String(call.id);
}
