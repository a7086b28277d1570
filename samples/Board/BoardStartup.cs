namespace Board;

/// <summary>Creates or migrates the board's schema before the app serves anything.</summary>
internal sealed class BoardStartup(BoardDatabase database, ILogger<BoardStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var from = await BoardSchema.MigrateAsync(database, cancellationToken);
        logger.LogInformation("Board data: {Database}, schema version {Version} (was {From})", database.Description, BoardSchema.LatestVersion, from);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
