using System.Text.Json;
using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Parity;

/// <summary>
/// The same method served as the SDK's tool and as Inlay's widget tool: the input schema leaves out the same special
/// parameters, and a call binds them to the same values.
/// </summary>
public sealed class ParameterBindingParityTests
{
    private const string Arguments = """{"name":"Ada","count":"3","size":"Large","day":"2026-01-31","limit":7}""";

    [Fact]
    public void The_input_schema_leaves_out_request_values_and_services_as_the_sdks_does()
    {
        var (sdk, inlay) = ToolPairs.Of<BindingTools>().For(nameof(BindingTools.Bind));
        Assert.True(JsonElement.DeepEquals(sdk.ProtocolTool.InputSchema, inlay.ProtocolTool.InputSchema),
            $"The SDK's input schema is {sdk.ProtocolTool.InputSchema}, Inlay's {inlay.ProtocolTool.InputSchema}.");
        var properties = inlay.ProtocolTool.InputSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name);
        Assert.Equal(["name", "count", "size", "day", "limit", "greeting"], properties);
    }

    [Fact]
    public async Task A_parameter_that_cannot_be_bound_fails_the_call_as_in_the_sdk()
    {
        await using var app = await StartAsync();
        var sdk = await CallAsync(app, "sdk_whoami", "{}");
        var inlay = await CallAsync(app, "whoami", "{}");
        Assert.True(sdk.IsError);
        Assert.Equal(sdk, (inlay.IsError, inlay.Text.Replace("'whoami'", "'sdk_whoami'", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(Arguments)]
    [InlineData("""{"name":"Ada","count":3,"size":"Small","day":"2026-01-31","greeting":"Hey"}""")]
    public async Task A_call_binds_every_parameter_as_the_sdk_binds_it(string arguments)
    {
        await using var app = await StartAsync();
        var sdk = await CallAsync(app, "sdk_bind", arguments);
        var inlay = await CallAsync(app, "bind", arguments);
        Assert.False(sdk.IsError, sdk.Text);
        Assert.Equal(sdk, inlay);
        // [FromKeyedServices] on a type that is also registered unkeyed gets the unkeyed service ("Hi", not "Dear"): the
        // SDK asks "is it a service?" before it looks at the attribute, and Inlay binds as the SDK does.
        Assert.EndsWith("|True|True|True|" + string.Join(",", JsonDocument.Parse(arguments).RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal))
            + "|True|no user|Hi Ada|Hi Ada|Yours faithfully|True|Hi Ada", inlay.Text);
    }

    /// <summary>An app serving each tool of <see cref="BindingTools"/> twice: as Inlay's widget tool and, prefixed <c>sdk_</c>, as the SDK's tool.</summary>
    private static Task<LoopbackApp> StartAsync() => LoopbackApp.StartAsync(b =>
    {
        ToolPairs.AddServices(b.Services);
        b.Services.AddMcpServer().WithHttpTransport().WithInlay().WithWidgetTools<BindingTools>();
        foreach (var (method, name) in new[] { (nameof(BindingTools.Bind), "bind"), (nameof(BindingTools.WhoAmI), "whoami") })
            b.Services.AddSingleton(services => ToolPairs.CreateSdkTool(typeof(BindingTools).GetMethod(method)!, services, name: "sdk_" + name));
    }, a => a.MapInlay(), contentRoot: Dialects.TestContentRoot.Create());

    private static async Task<(bool IsError, string Text)> CallAsync(LoopbackApp app, string tool, string arguments)
    {
        var body = $$$"""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"{{{tool}}}","arguments":{{{arguments}}}}}""";
        var result = (await McpHttp.ReadMessageAsync(await app.Mcp().PostAsync(body))).GetProperty("result");
        var isError = result.TryGetProperty("isError", out var flag) && flag.GetBoolean();
        return (isError, result.GetProperty("content")[0].GetProperty("text").GetString()!);
    }
}
