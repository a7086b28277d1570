using System.Text.Json;

namespace Inlay.Tests.Hosts;

public sealed class HostProfilesTests
{
    [Fact]
    public void Every_fact_of_every_profile_names_its_source()
    {
        using var json = JsonDocument.Parse(HostProfiles.ToJson());
        foreach (var host in json.RootElement.GetProperty("hosts").EnumerateArray())
        {
            var id = host.GetProperty("id").GetString();
            var sources = host.GetProperty("sources");
            foreach (var fact in host.EnumerateObject().Where(p => p.Name is not ("id" or "name" or "sources")))
            {
                Assert.True(sources.TryGetProperty(fact.Name, out var source), $"{id}: the fact '{fact.Name}' names no source (write \"unconfirmed\" when there is none).");
                Assert.False(string.IsNullOrWhiteSpace(source.GetString()), $"{id}: the source of '{fact.Name}' is empty.");
            }
            foreach (var source in sources.EnumerateObject())
                Assert.True(host.TryGetProperty(source.Name, out _), $"{id}: the source '{source.Name}' is for no fact.");
        }
    }

    [Fact]
    public void The_three_hosts_are_listed_once_each_and_found_by_id()
    {
        Assert.Equal([HostIds.ChatGpt, HostIds.Claude, HostIds.McpApps], HostProfiles.All.Select(h => h.Id));
        Assert.Same(HostProfiles.Claude, HostProfiles.Find("Claude"));
        Assert.Same(HostProfiles.ChatGpt, HostProfiles.Find(" chatgpt "));
        Assert.Null(HostProfiles.Find("copilot"));
    }

    [Fact]
    public void Claude_reads_the_mcp_apps_keys_and_wants_its_hashed_domain()
    {
        var claude = HostProfiles.Claude;
        Assert.Equal(HostDomainRule.ClaudeEndpointHash, claude.DomainRule);
        Assert.Equal([WidgetMimeTypes.McpApp], claude.MimeTypes);
        Assert.Contains("ui/resourceUri", claude.ToolMetaKeys);
        Assert.Contains("ui.resourceUri", claude.ToolMetaKeys);
        Assert.DoesNotContain(claude.ToolMetaKeys, k => k.StartsWith("openai/", StringComparison.Ordinal));
        Assert.Contains("Claude-User", claude.Identification.UserAgentTokens);
        Assert.Equal(HostCspHandling.Disputed, claude.CspDomains);
        Assert.Equal(HostCspHandling.Ignored, claude.FrameDomains);
        Assert.Equal(WidgetDisplayModes.Inline | WidgetDisplayModes.Fullscreen, claude.DisplayModes);
        Assert.Empty(claude.OpenAiMethods);
    }

    [Fact]
    public void ChatGpt_reads_the_openai_keys_caches_templates_and_offers_window_openai()
    {
        var chatGpt = HostProfiles.ChatGpt;
        Assert.Equal(HostDomainRule.AppOrigin, chatGpt.DomainRule);
        Assert.Equal([WidgetMimeTypes.McpApp, WidgetMimeTypes.Skybridge], chatGpt.MimeTypes);
        Assert.Contains("openai/outputTemplate", chatGpt.ToolMetaKeys);
        Assert.Contains("openai/widgetCSP", chatGpt.ResourceMetaKeys);
        Assert.Contains("openai/widgetDomain", chatGpt.ResourceMetaKeys);
        Assert.True(chatGpt.CachesTemplatesByUri);
        Assert.Contains("callTool", chatGpt.OpenAiMethods);
        Assert.Contains("requestModal", chatGpt.OpenAiMethods);
        Assert.Equal(WidgetDisplayModes.All, chatGpt.DisplayModes);
    }

    [Fact]
    public void The_generic_host_is_the_standard_as_written()
    {
        var generic = HostProfiles.McpApps;
        Assert.Equal(HostDomainRule.Declared, generic.DomainRule);
        Assert.Equal([WidgetMimeTypes.McpApp], generic.MimeTypes);
        Assert.Equal(HostCspHandling.Applied, generic.CspDomains);
        Assert.Equal([ClientHints.McpAppsExtensionId], generic.Identification.CapabilityExtensions);
        Assert.Empty(generic.Identification.UserAgentTokens);
        Assert.Empty(generic.OpenAiMethods);
    }

    [Fact]
    public void Json_names_facts_in_camel_case_and_lists_the_rules()
    {
        using var json = JsonDocument.Parse(HostProfiles.ToJson(indented: false));
        var claude = json.RootElement.GetProperty("hosts").EnumerateArray().Single(h => h.GetProperty("id").GetString() == "claude");
        Assert.Equal("claudeEndpointHash", claude.GetProperty("domainRule").GetString());
        Assert.Equal("disputed", claude.GetProperty("cspDomains").GetString());
        Assert.Equal(["inline", "fullscreen"], claude.GetProperty("displayModes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, claude.GetProperty("sendsToolInputPartial").ValueKind);
        Assert.Equal(["Claude-User"], claude.GetProperty("identification").GetProperty("userAgentTokens").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HostRules.All.Select(r => r.Id), json.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public void Rule_ids_are_unique_and_keep_their_numbers()
    {
        Assert.Equal(HostRules.All.Count, HostRules.All.Select(r => r.Id).Distinct().Count());
        Assert.Equal("IH001", HostRules.UnservedMimeType.Id);
        Assert.Equal("IH002", HostRules.ExternalOrigins.Id);
        Assert.Equal("IH003", HostRules.FrameDomains.Id);
        Assert.Equal("IH004", HostRules.DisplayMode.Id);
        Assert.Equal("IH005", HostRules.DomainForm.Id);
    }
}
