using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Inlay;

/// <summary>
/// Keeps the app's request pipeline (everything the app configured, from routing to its endpoints) once the server has
/// built it, so <see cref="AppPageRenderer"/> can send a request through it without going over the network. A startup
/// filter: it runs inside those registered before it (the host's own, such as host filtering) and around everything else.
/// </summary>
internal sealed class AppPipeline : IStartupFilter
{
    private RequestDelegate? _pipeline;

    /// <summary>The app's pipeline, or <see langword="null"/> before the server has built it.</summary>
    public RequestDelegate? Pipeline => Volatile.Read(ref _pipeline);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(rest =>
        {
            Volatile.Write(ref _pipeline, rest);
            return rest;
        });
        next(app);
    };
}
