using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Inlay.BrowserTests.Probe;

namespace Inlay.BrowserTests;

/// <summary>
/// Each sample and the probe read as Claude reads them (HTTP <c>User-Agent: Claude-User</c>): a widget that declares a
/// <c>Domain</c> gets Claude's hash of the endpoint URL, checked against a hash computed here; one that declares none
/// gets no domain. No sample declares one, so the probe's second widget does.
/// </summary>
public sealed class ClaudeDomainTests
{
    private const string ClaudeUserAgent = "Claude-User";

    /// <summary>Claude's <c>ui.domain</c> for an endpoint URL, computed from Claude's documented rule, apart from Inlay's code.</summary>
    internal static string ClaudeDomain(string endpointUrl) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpointUrl)))[..32] + ".claudemcpcontent.com";

    [Fact]
    public void The_rule_here_gives_Claudes_documented_example() =>
        Assert.Equal("c3d80a4ed901ee05b21755a88273b4a4.claudemcpcontent.com", ClaudeDomain("https://example.com/mcp"));

    [Theory]
    [InlineData("Hello")]
    [InlineData("Content")]
    [InlineData("Board")]
    public async Task Each_sample_read_as_Claude_gives_its_hash_only_where_a_widget_declares_a_domain(string sample)
    {
        var data = Directory.CreateTempSubdirectory("inlay-claude-domain-").FullName;
        try
        {
            await using var app = await SampleServer.StartAsync(sample, new Dictionary<string, string> { ["Board__SqlitePath"] = Path.Combine(data, "board.db") });
            // What a widget declares is what a generic MCP Apps host gets; Claude gets its own form of it, or nothing.
            var declared = (await WidgetDomainsAsync(app.BaseAddress, "node")).ToDictionary(w => w.Uri, w => w.Domain);
            var asClaude = await WidgetDomainsAsync(app.BaseAddress, ClaudeUserAgent);
            Assert.NotEmpty(asClaude);
            var expected = ClaudeDomain(new Uri(app.BaseAddress, "/mcp").ToString());
            foreach (var (uri, domain, openAiDomain) in asClaude)
            {
                if (declared[uri] is null)
                {
                    Assert.True(domain is null && openAiDomain is null, $"{sample} {uri} declares no domain but Claude got {domain ?? openAiDomain}.");
                    continue;
                }
                Assert.Equal(expected, domain);
                Assert.Equal(expected, openAiDomain);
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task The_probes_declared_domain_reaches_Claude_as_its_hash_and_other_hosts_as_declared()
    {
        await using var app = await ProbeApp.StartAsync();
        var expected = ClaudeDomain(new Uri(app.BaseAddress, "/mcp").ToString());

        var asClaude = (await WidgetDomainsAsync(app.BaseAddress, ClaudeUserAgent)).Single(w => w.Uri.StartsWith(DomainWidget.Uri, StringComparison.Ordinal));
        Assert.Equal(expected, asClaude.Domain);
        Assert.Equal(expected, asClaude.OpenAiDomain);

        foreach (var agent in new[] { "openai-mcp/1.0.0", "node" })
        {
            var other = (await WidgetDomainsAsync(app.BaseAddress, agent)).Single(w => w.Uri.StartsWith(DomainWidget.Uri, StringComparison.Ordinal));
            Assert.Equal(DomainWidget.Domain, other.Domain);
        }

        // The probe itself declares none: no host gets one.
        var plain = (await WidgetDomainsAsync(app.BaseAddress, ClaudeUserAgent)).Single(w => w.Uri.StartsWith("ui://widget/probe.html", StringComparison.Ordinal));
        Assert.Null(plain.Domain);
    }

    [Fact]
    public async Task An_app_that_does_not_target_Claude_sends_Claude_the_declared_domain()
    {
        await using var app = await ProbeApp.StartAsync(hosts: ["chatgpt", "mcp-apps"]);
        var asClaude = (await WidgetDomainsAsync(app.BaseAddress, ClaudeUserAgent)).Single(w => w.Uri.StartsWith(DomainWidget.Uri, StringComparison.Ordinal));
        Assert.Equal(DomainWidget.Domain, asClaude.Domain);
    }

    /// <summary>Every widget the app lists, read with this User-Agent, and the domains it got (<c>ui.domain</c>, <c>openai/widgetDomain</c>).</summary>
    private static async Task<List<(string Uri, string? Domain, string? OpenAiDomain)>> WidgetDomainsAsync(Uri app, string userAgent)
    {
        using var http = new HttpClient { BaseAddress = app };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        var mcp = new McpHttp(http);
        var listed = await mcp.ResultAsync("resources/list");
        var widgets = new List<(string, string?, string?)>();
        foreach (var resource in listed.GetProperty("resources").EnumerateArray())
        {
            var uri = resource.GetProperty("uri").GetString()!;
            if (!uri.StartsWith("ui://", StringComparison.Ordinal)) continue;
            var read = await mcp.ResultAsync("resources/read", new { uri });
            var content = read.GetProperty("contents")[0];
            var meta = content.TryGetProperty("_meta", out var m) ? m : default;
            string? Read(JsonElement parent, string name) =>
                parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? value.GetString() : null;
            var ui = meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("ui", out var u) ? u : default;
            widgets.Add((uri, Read(ui, "domain"), Read(meta, "openai/widgetDomain")));
        }
        return widgets;
    }
}
