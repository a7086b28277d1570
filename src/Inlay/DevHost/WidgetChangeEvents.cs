using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Inlay;

/// <summary>
/// The dev host's change feed, <c>GET /_inlay/events</c>: a Server-Sent Events stream that sends
/// <c>event: widgets-changed</c> with the widgets' current versions (<c>{"versions":{"ui://widget/greeting.html":"3f2a9c1b7e0d"}}</c>)
/// each time a widget is rebuilt (<see cref="WidgetFileWatcher"/>), and a comment every 15 seconds to keep the
/// connection open. The page lists the tools again and re-renders the widget it shows.
/// </summary>
internal static class WidgetChangeEvents
{
    public const string Path = "/_inlay/events";

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static async Task StreamAsync(HttpContext context)
    {
        var versions = context.RequestServices.GetRequiredService<WidgetVersions>();
        var widgets = context.RequestServices.GetServices<WidgetDeclaration>().Select(w => w.Uri).ToList();
        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        void OnChanged() => changes.Writer.TryWrite(true);

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        versions.Changed += OnChanged;
        try
        {
            await response.WriteAsync("retry: 1000\n\n", context.RequestAborted);
            await response.Body.FlushAsync(context.RequestAborted);
            while (!context.RequestAborted.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
                wait.CancelAfter(KeepAlive);
                bool changed;
                try
                {
                    changed = await changes.Reader.WaitToReadAsync(wait.Token) && changes.Reader.TryRead(out _);
                }
                catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
                {
                    changed = false;
                }
                await response.WriteAsync(changed ? Message(versions, widgets) : ": keep-alive\n\n", context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The page went away.
        }
        finally
        {
            versions.Changed -= OnChanged;
        }
    }

    private static string Message(WidgetVersions versions, List<string> widgets)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("versions");
            foreach (var uri in widgets)
            {
                if (versions.Current(uri) is { } version) json.WriteString(uri, version);
                else json.WriteNull(uri);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return "event: widgets-changed\ndata: " + Encoding.UTF8.GetString(buffer.ToArray()) + "\n\n";
    }
}
