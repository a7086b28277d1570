using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Inlay.Tests.Support;

/// <summary>
/// A sample app's own <c>Program</c>, in Development, with the sample's folder as content root, served by Kestrel on
/// a free loopback port.
/// </summary>
/// <typeparam name="TEntryPoint">A type in the sample's assembly.</typeparam>
public abstract class SampleApp<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private readonly string _folder;
    private readonly string _generations = LoopbackApp.TemporaryGenerationsPath();

    /// <param name="sample">The sample's folder name under <c>samples/</c>.</param>
    protected SampleApp(string sample)
    {
        _folder = Repository.Sample(sample);
        UseKestrel(0);
        StartServer();
        Client = CreateClient();
    }

    /// <summary>A client on the app's loopback address.</summary>
    public HttpClient Client { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseContentRoot(_folder);
        builder.UseSetting("Inlay:Widgets:GenerationsPath", _generations);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_generations)) Directory.Delete(_generations, recursive: true);
    }
}

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootFolder = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Inlay.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Inlay.sln not found above the test folder.");
    });

    /// <summary>The folder that holds <c>Inlay.sln</c>.</summary>
    public static string Root => RootFolder.Value;

    /// <summary>A sample's folder, such as <c>samples/Hello</c>.</summary>
    public static string Sample(string name) => Path.Combine(Root, "samples", name);
}
