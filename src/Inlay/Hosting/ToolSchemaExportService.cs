using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inlay;

/// <summary>
/// When the app was started with <c>--inlay-export-schemas &lt;path&gt;</c>, writes the tools' schemas there as the host
/// starts (<see cref="ToolSchemaExport"/>) and stops the app once it has started, with exit code 1 when writing failed.
/// Stopping any earlier would cancel the start of the hosted services after this one, which fails the host.
/// </summary>
internal sealed partial class ToolSchemaExportService(
    IConfiguration configuration,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    ILogger<ToolSchemaExportService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (ToolSchemaExport.RequestedPath(configuration) is not { } path) return Task.CompletedTask;
        var full = Path.GetFullPath(path);
        try
        {
            var written = ToolSchemaExport.Write(services, full);
            // The build's output, not a log line: the app logs at Warning while it exports.
            Console.Out.WriteLine($"Inlay: tool schemas {(written ? "written to" : "unchanged in")} {full}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            ExportFailed(logger, full, ex);
            Environment.ExitCode = 1;
        }
        lifetime.ApplicationStarted.Register(lifetime.StopApplication);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Inlay could not write the tool schemas to {Path}")]
    private static partial void ExportFailed(ILogger logger, string path, Exception exception);
}
