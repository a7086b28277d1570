/**
 * The widget instance's state: in ChatGPT mode what it stored with `window.openai.setWidgetState` (the host keeps
 * it, so it survives reloads); in both modes the last `ui/update-model-context`, which is what the model would see.
 */
export function StatePanel({ instanceId, widgetState, modelContext }: { instanceId?: string; widgetState: unknown; modelContext: unknown }) {
  return (
    <div className="panel-body">
      <p className="muted">Instance {instanceId ?? "(none)"}</p>
      <h3>Widget state</h3>
      <pre data-testid="widget-state">{json(widgetState)}</pre>
      <h3>Model context</h3>
      <pre data-testid="model-context">{json(modelContext)}</pre>
    </div>
  );
}

function json(value: unknown) {
  return value === undefined || value === null ? "(none)" : JSON.stringify(value, null, 2);
}
