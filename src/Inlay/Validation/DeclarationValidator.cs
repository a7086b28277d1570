using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// Checks every widget and tool declaration against the rules hosts enforce, collecting all problems so one start-up
/// failure lists them all.
/// </summary>
internal sealed partial class DeclarationValidator(
    IReadOnlyList<WidgetDeclaration> widgets,
    IReadOnlyList<McpServerTool> tools,
    InlayOptions options,
    bool isDevelopment,
    IFileProvider contentRoot,
    ILogger logger)
{
    /// <summary>ChatGPT truncates or rejects longer status texts.</summary>
    public const int MaxStatusTextLength = 64;

    private readonly List<string> _problems = [];
    private readonly HostTargets _hosts = new(options.Hosts);

    public async Task<IReadOnlyList<string>> ValidateAsync(CancellationToken cancellationToken)
    {
        var servedUris = CheckWidgets();
        await CheckWidgetHtmlAsync(cancellationToken);
        CheckTools(servedUris);
        return _problems;
    }

    private HashSet<string> CheckWidgets()
    {
        var served = new HashSet<string>(StringComparer.Ordinal);
        foreach (var widget in widgets)
        {
            var name = $"widget '{widget.Uri}'";
            if (!IsUiUri(widget.Uri)) _problems.Add($"{name}: the URI must start with ui:// and name a resource, such as ui://widget/greeting.html.");
            foreach (var (uri, _) in WidgetServing.For(widget, options).Resources())
            {
                if (!served.Add(uri)) _problems.Add($"{name}: the resource URI '{uri}' is declared more than once.");
            }
            foreach (var (list, origin) in widget.Csp.AllEntries())
            {
                if (OriginRule.Check(origin, isDevelopment) is { } why)
                    _problems.Add($"{name}: CSP {list} entry '{origin}' {why}.");
            }
            if (widget.Domain is not null && OriginRule.Check(widget.Domain, allowLoopbackHttp: false) is { } domainProblem)
                _problems.Add($"{name}: Domain '{widget.Domain}' {domainProblem}.");
            if (widget.Dialects is { } dialects && (dialects & ~WidgetDialects.Both) != 0 || widget.Dialects == 0)
                _problems.Add($"{name}: Dialects '{widget.Dialects}' is not McpApps, Skybridge or Both.");
            WarnOnHosts(widget);
        }
        return served;
    }

    /// <summary>Warns about each targeted host the widget cannot work in; the widget still serves the others.</summary>
    private void WarnOnHosts(WidgetDeclaration widget)
    {
        foreach (var finding in HostCompatibility.Check(WidgetServing.For(widget, options), _hosts.Profiles))
            HostProblem(logger, finding.Rule.Id, finding.WidgetUri, finding.Host.Name, finding.Problem);
    }

    private async Task CheckWidgetHtmlAsync(CancellationToken cancellationToken)
    {
        foreach (var widget in widgets)
        {
            // An app page exists only once the app runs; its path was checked when the source was made.
            if (widget.Html is AppPageHtmlSource) continue;
            try
            {
                var html = await widget.Html.ReadAsync(contentRoot, cancellationToken);
                if (string.IsNullOrWhiteSpace(html)) _problems.Add($"widget '{widget.Uri}': the HTML from {widget.Html.Description} is empty.");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                _problems.Add($"widget '{widget.Uri}': the HTML from {widget.Html.Description} cannot be read: {ex.Message}");
            }
        }
    }

    private void CheckTools(HashSet<string> servedUris)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            var toolName = tool.ProtocolTool.Name;
            var name = $"tool '{toolName}'";
            if (!names.Add(toolName)) _problems.Add($"{name}: the tool name is registered more than once.");
            WarnOnMissingHints(tool, toolName);
            if (tool is not WidgetTool widgetTool) continue;

            var widget = widgetTool.Widget;
            if (!IsUiUri(widget.WidgetUri))
                _problems.Add($"{name}: the widget URI '{widget.WidgetUri}' must start with ui://.");
            else if (!servedUris.Contains(widget.WidgetUri))
                _problems.Add($"{name}: the widget URI '{widget.WidgetUri}' is not a registered widget; declare it with [Widget] or WithWidget().");
            CheckStatusText(name, "invoking", widget.Invoking);
            CheckStatusText(name, "invoked", widget.Invoked);
            if (widget.Visibility == 0 || (widget.Visibility & ~ToolVisibility.ModelAndApp) != 0)
                _problems.Add($"{name}: visibility '{widget.Visibility}' must be Model, App or ModelAndApp.");
            if (tool.ProtocolTool.OutputSchema is { } schema && !DescribesObject(schema))
                _problems.Add($"{name}: the output type {widgetTool.OutputType?.Name ?? "(declared schema)"} does not serialize to a JSON object; structuredContent must be an object, so wrap it in a class or record.");
        }
    }

    private void CheckStatusText(string name, string which, string? text)
    {
        if (text is not null && text.Length > MaxStatusTextLength)
            _problems.Add($"{name}: the {which} status text is {text.Length} characters; the limit is {MaxStatusTextLength}.");
    }

    private void WarnOnMissingHints(McpServerTool tool, string toolName)
    {
        var a = tool.ProtocolTool.Annotations;
        var missing = new List<string>(3);
        if (a?.ReadOnlyHint is null) missing.Add("ReadOnly");
        if (a?.DestructiveHint is null) missing.Add("Destructive");
        if (a?.OpenWorldHint is null) missing.Add("OpenWorld");
        if (missing.Count > 0)
            MissingHints(logger, toolName, string.Join(", ", missing));
    }

    private static bool IsUiUri(string uri) =>
        uri.StartsWith("ui://", StringComparison.Ordinal) && uri.Length > "ui://".Length && !uri.Any(char.IsWhiteSpace);

    private static bool DescribesObject(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type)) return true;
        return type.ValueKind switch
        {
            JsonValueKind.String => type.ValueEquals("object"),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueEquals("object")) && type.EnumerateArray().All(t => t.ValueEquals("object") || t.ValueEquals("null")),
            _ => false,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tool '{Tool}' does not set the annotation hints {Hints}; ChatGPT requires them. Set them on [McpServerTool].")]
    private static partial void MissingHints(ILogger logger, string tool, string hints);

    [LoggerMessage(Level = LogLevel.Warning, Message = "[{Rule}] widget '{Widget}' in {Host}: {Problem}")]
    private static partial void HostProblem(ILogger logger, string rule, string widget, string host, string problem);
}
