using System.Text.Json;
using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Parity;

/// <summary>
/// The same method served as the SDK's tool and as Inlay's widget tool: the input schema leaves out the same special
/// parameters, and a call binds them to the same values, except the caller (a <c>ClaimsPrincipal</c>), which Inlay binds
/// also when no one signed in.
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
    public async Task The_caller_is_bound_even_when_no_one_signed_in_unlike_in_the_sdk()
    {
        // Intended: the SDK leaves a ClaimsPrincipal parameter unbound for an anonymous call, so a tool that takes one
        // without a default fails; Inlay binds an anonymous principal, so a tool serving both needs no null check.
        await using var app = await StartAsync();
        Assert.Equal((true, "An error occurred invoking 'sdk_whoami'."), await CallAsync(app, "sdk_whoami", "{}"));
        Assert.Equal((false, "anonymous"), await CallAsync(app, "whoami", "{}"));
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
            + "|True|not signed in|Hi Ada|Hi Ada|Yours faithfully|True|Hi Ada", inlay.Text);
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
