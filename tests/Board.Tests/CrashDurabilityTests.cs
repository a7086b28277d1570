using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Inlay.Testing;

namespace Board.Tests;

/// <summary>
/// Kills the Board process with SIGKILL while clients are adding tasks, restarts it, and checks that every add the
/// server acknowledged is still there, on SQLite and on PostgreSQL.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CrashDurabilityTests(PostgresServer postgres)
{
    [Fact]
    public async Task Sqlite_keeps_every_acknowledged_add_through_a_sigkill()
    {
        var path = Path.Combine(TestRunFolder.NewPath("crash"), "board.db");
        await AssertDurableAsync(new() { ["Board__SqlitePath"] = path, ["ConnectionStrings__Board"] = "" });
    }

    [Fact]
    public async Task Postgres_keeps_every_acknowledged_add_through_a_sigkill() =>
        await AssertDurableAsync(new() { ["ConnectionStrings__Board"] = await postgres.CreateDatabaseAsync() });

    private static async Task AssertDurableAsync(Dictionary<string, string> environment)
    {
        var acknowledged = new ConcurrentBag<string>();
        using (var server = await BoardProcess.StartAsync(environment))
        {
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                var mcp = new McpHttp(new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) });
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        var result = await mcp.CallToolAsync("add_task", new { title = $"writer {w} task {i}" });
                        if (!(result.TryGetProperty("isError", out var e) && e.GetBoolean()))
                            acknowledged.Add(result.GetProperty("structuredContent").GetProperty("task").GetProperty("id").GetString()!);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or JsonException)
                    {
                        // Requests in flight when the process dies fail; only acknowledged adds count.
                    }
                }
            })).ToArray();

            // Kill mid-stream: once writes are flowing (on a busy machine the first ones take a while), not at a fixed time.
            var flowing = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < 25 && DateTime.UtcNow < flowing) await Task.Delay(50);
            Assert.True(acknowledged.Count >= 25, $"Only {acknowledged.Count} adds were acknowledged in 60 s before the kill.");
            await Task.Delay(150);
            server.Kill();
            stop.Cancel();
            await Task.WhenAll(writers);
        }

        using var restarted = await BoardProcess.StartAsync(environment);
        var mcpAfter = new McpHttp(new HttpClient { BaseAddress = restarted.BaseAddress });
        var board = (await mcpAfter.CallToolAsync("show_board")).GetProperty("structuredContent");
        var stored = board.GetProperty("columns").EnumerateArray()
            .SelectMany(c => c.GetProperty("tasks").EnumerateArray()).Select(t => t.GetProperty("id").GetString()).ToHashSet();
        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged tasks were lost: {string.Join(", ", lost.Take(5))}");
    }

    /// <summary>The Board app in its own process, so it can be killed for real.</summary>
    private sealed class BoardProcess : IDisposable
    {
        private readonly Process _process;

        private BoardProcess(Process process, Uri baseAddress)
        {
            _process = process;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public static async Task<BoardProcess> StartAsync(Dictionary<string, string> environment)
        {
            var port = LoopbackPort.Free();
            var start = new ProcessStartInfo("dotnet", $"Board.dll --urls http://127.0.0.1:{port}")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment["Inlay__Widgets__GenerationsPath"] = TestRunFolder.NewPath("generations");
            // No diagnostics IPC socket, which a killed process would leave in the temporary folder.
            start.Environment["DOTNET_EnableDiagnostics"] = "0";
            foreach (var (key, value) in environment) start.Environment[key] = value;
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var baseAddress = new Uri($"http://127.0.0.1:{port}/");
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                if (process.HasExited) throw new InvalidOperationException($"Board exited with {process.ExitCode} at start-up.");
                try
                {
                    if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return new BoardProcess(process, baseAddress);
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                await Task.Delay(100);
            }
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Board did not become healthy within 60 s.");
        }

        /// <summary>SIGKILL: no shutdown, no flush; what was acknowledged must already be on disk.</summary>
        public void Kill()
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }

        public void Dispose()
        {
            if (!_process.HasExited) Kill();
            _process.Dispose();
        }

    }
}
