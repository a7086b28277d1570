namespace Inlay.BrowserTests;

/// <summary>One Chromium for all the tests in a class.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public DevHostBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => Browser = await DevHostBrowser.LaunchAsync();

    public async Task DisposeAsync() => await Browser.DisposeAsync();
}
