using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Declarations;

public sealed class ProgrammaticDeclarationTests
{
    public sealed record Forecast(string City, int HighCelsius);

    [Fact]
    public async Task Widgets_and_tools_built_at_run_time_emit_the_same_keys_as_attributes()
    {
        var cities = new[] { "Paris", "Oslo" };
        await using var app = await LoopbackApp.StartAsync(b =>
        {
            var server = b.Services.AddMcpServer().WithHttpTransport().WithInlay();
            foreach (var city in cities)
            {
                var uri = $"ui://weather/{city.ToLowerInvariant()}.html";
                server.WithWidget(uri, WidgetHtmlSource.FromString($"<!doctype html><h1>{city}</h1>"), w =>
                {
                    w.Title = $"{city} weather";
                    w.Csp.ConnectDomains.Add("https://api.weather.example");
                });
                server.WithWidgetTool(
                    (int days) => WidgetResult.Create(new Forecast(city, 20 + days), $"{city}: {20 + days}°C."),
                    new WidgetToolOptions { WidgetUri = uri, Invoking = $"Asking about {city}…", Visibility = ToolVisibility.ModelAndApp },
                    new McpServerToolCreateOptions { Name = $"forecast_{city.ToLowerInvariant()}", ReadOnly = true, Destructive = false, OpenWorld = true });
            }
        }, a => a.MapInlay());

        var tools = (await app.Mcp().ResultAsync("tools/list")).GetProperty("tools").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!);
        var oslo = tools["forecast_oslo"];
        var template = oslo.GetProperty("_meta").GetProperty("ui").GetProperty("resourceUri").GetString();
        Assert.StartsWith("ui://weather/oslo.html?v=", template);
        Assert.Equal(template, oslo.GetProperty("_meta").GetProperty("openai/outputTemplate").GetString());
        Assert.Equal("Asking about Oslo…", oslo.GetProperty("_meta").GetProperty("openai/toolInvocation/invoking").GetString());
        Assert.True(oslo.GetProperty("annotations").GetProperty("openWorldHint").GetBoolean());
        Assert.Equal("integer", oslo.GetProperty("outputSchema").GetProperty("properties").GetProperty("highCelsius").GetProperty("type").GetString());

        var result = await app.Mcp().ResultAsync("tools/call", new { name = "forecast_paris", arguments = new { days = 3 } });
        Assert.Equal("Paris: 23°C.", result.GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal(23, result.GetProperty("structuredContent").GetProperty("highCelsius").GetInt32());

        var read = await app.Mcp().ResultAsync("resources/read", new { uri = "ui://weather/paris.html" });
        Assert.Contains("<h1>Paris</h1>", read.GetProperty("contents")[0].GetProperty("text").GetString());
        Assert.Equal("https://api.weather.example",
            read.GetProperty("contents")[0].GetProperty("_meta").GetProperty("ui").GetProperty("csp").GetProperty("connectDomains")[0].GetString());
    }
}
