using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Inlay.BrowserTests;

/// <summary>
/// A sample app run as its own process from its build output, in Development, on a free loopback port, with its
/// sample folder as the working directory (where its widget files are), the way <c>dotnet run</c> starts it.
/// </summary>
public sealed partial class SampleServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _generations;
    private readonly List<string> _output = [];

    private SampleServer(Process process, Uri baseAddress, string generations)
    {
        _process = process;
        _generations = generations;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the app listens, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; }

    /// <summary>Everything the app wrote so far.</summary>
    public string Output
    {
        get { lock (_output) return string.Join(Environment.NewLine, _output); }
    }

    /// <summary>Starts the sample named <paramref name="name"/> and waits until it listens.</summary>
    public static async Task<SampleServer> StartAsync(string name, IReadOnlyDictionary<string, string>? environment = null)
    {
        var folder = Path.Combine(RepositoryRoot(), "samples", name);
        var configuration = typeof(SampleServer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(folder, "bin", configuration, "net10.0", name + ".dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build {name} first: {dll} is missing.", dll);

        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        // Widget generations in a folder of this server's, removed with it, not under the user's profile.
        var generations = Path.Combine(Path.GetTempPath(), "inlay-sample-generations-" + Guid.NewGuid().ToString("N"));
        start.Environment["Inlay__Widgets__GenerationsPath"] = generations;
        // No diagnostics IPC socket, which the process, killed at the end, would leave in the temporary folder.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var process = Process.Start(start)!;
        var server = new SampleServer(process, new Uri("http://127.0.0.1/"), generations);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null) return;
            lock (server._output) server._output.Add(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value + "/"));
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"{name} exited with {process.ExitCode}:{Environment.NewLine}{server.Output}"));

        try
        {
            server.BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Inlay.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Inlay.sln not found above the test folder.");
    }

    [GeneratedRegex(@"Now listening on: (http://[^\s]+)")]
    private static partial Regex ListeningLine();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (Directory.Exists(_generations)) Directory.Delete(_generations, recursive: true);
    }
}
