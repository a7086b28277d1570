using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace Inlay.Tests.Hosts;

public sealed class HostDetectionTests
{
    private static HostProfile Detect(string? clientInfo = null, string? userAgent = null, JsonObject? meta = null, params string[] targets) =>
        HostDetection.Detect(clientInfo, userAgent is null ? StringValues.Empty : new StringValues(userAgent), meta, new HostTargets(targets).Profiles);

    [Theory]
    [InlineData("Claude-User", HostIds.Claude)]
    [InlineData("Mozilla/5.0 (compatible; Claude-User/1.0)", HostIds.Claude)]
    [InlineData("openai-mcp/1.0.0", HostIds.ChatGpt)]
    [InlineData("curl/8.5.0", HostIds.McpApps)]
    [InlineData("", HostIds.McpApps)]
    public void The_user_agent_names_the_host(string userAgent, string expected) =>
        Assert.Equal(expected, Detect(userAgent: userAgent).Id);

    [Fact]
    public void The_client_name_from_initialize_comes_before_the_user_agent()
    {
        Assert.Same(HostProfiles.Claude, Detect(clientInfo: "claude-ai", userAgent: "openai-mcp/1.0.0"));
        Assert.Same(HostProfiles.ChatGpt, Detect(clientInfo: "openai-mcp", userAgent: "node"));
        Assert.Same(HostProfiles.Claude, Detect(clientInfo: "some-client", userAgent: "Claude-User"));
    }

    [Fact]
    public void Openai_request_meta_names_chatgpt_when_nothing_else_does()
    {
        Assert.Same(HostProfiles.ChatGpt, Detect(meta: new JsonObject { ["openai/locale"] = "fr-FR" }));
        Assert.Same(HostProfiles.McpApps, Detect(meta: new JsonObject { ["progressToken"] = 1 }));
    }

    [Fact]
    public void A_host_that_is_not_targeted_is_treated_as_the_generic_one()
    {
        Assert.Same(HostProfiles.McpApps, Detect(userAgent: "Claude-User", targets: [HostIds.ChatGpt, HostIds.McpApps]));
        Assert.Same(HostProfiles.Claude, Detect(userAgent: "Claude-User", targets: [HostIds.Claude]));
    }
}
