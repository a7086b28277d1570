using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Inlay.DevHost;

/// <summary>
/// The dev host's change feed, <c>GET /_inlay/events</c>: a Server-Sent Events stream that sends
/// <c>event: widgets-changed</c> with the widgets' current versions (<c>{"versions":{"ui://widget/greeting.html":"3f2a9c1b7e0d"}}</c>)
/// each time a widget is rebuilt (<see cref="WidgetFileWatcher"/>), after a <c>connected</c> event that opens the
/// stream, and a <c>keep-alive</c> event every 15 seconds that keeps the connection open. The page lists the tools
/// again and re-renders the widget it shows.
/// </summary>
internal static class WidgetChangeEvents
{
    public const string Path = "/_inlay/events";

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static ServerSentEventsResult<string> Stream(HttpContext context)
    {
        var versions = context.RequestServices.GetRequiredService<IWidgetVersions>();
        var widgets = context.RequestServices.GetServices<WidgetDeclaration>().Select(w => w.Uri).ToList();
        // A proxy in front of the app must not hold the events back.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(Events(versions, widgets, context.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> Events(IWidgetVersions versions, List<string> widgets, [EnumeratorCancellation] CancellationToken aborted)
    {
        // Taken before anything is sent, so a change made while an event is written is not missed.
        var changed = versions.GetChangeToken();
        // Sent at once, so the response starts; the page reconnects a second after the app restarts.
        yield return new SseItem<string>("", "connected") { ReconnectionInterval = TimeSpan.FromSeconds(1) };
        while (true)
        {
            bool fired;
            try
            {
                fired = await FiredAsync(changed, aborted);
            }
            catch (OperationCanceledException)
            {
                yield break; // the page went away
            }
            if (!fired)
            {
                yield return new SseItem<string>("", "keep-alive");
                continue;
            }
            changed = versions.GetChangeToken();
            yield return new SseItem<string>(Versions(versions, widgets), "widgets-changed");
        }
    }

    /// <summary>Whether <paramref name="token"/> fired within <see cref="KeepAlive"/>.</summary>
    private static async Task<bool> FiredAsync(IChangeToken token, CancellationToken aborted)
    {
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = token.RegisterChangeCallback(static state => ((TaskCompletionSource)state!).TrySetResult(), fired);
        try
        {
            await fired.Task.WaitAsync(KeepAlive, aborted);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static string Versions(IWidgetVersions versions, List<string> widgets)
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
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
