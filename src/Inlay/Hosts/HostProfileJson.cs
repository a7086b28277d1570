using System.Text;
using System.Text.Json;

namespace Inlay;

/// <summary>Writes host profiles and rules as JSON by hand, so it needs no reflection (Native AOT).</summary>
internal static class HostProfileJson
{
    public static string Write(IReadOnlyList<HostProfile> profiles, IReadOnlyList<HostRule> rules, bool indented)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteStartArray("hosts");
            foreach (var profile in profiles) WriteProfile(json, profile);
            json.WriteEndArray();
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("title", rule.Title);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void WriteProfile(Utf8JsonWriter json, HostProfile profile)
    {
        json.WriteStartObject();
        json.WriteString("id", profile.Id);
        json.WriteString("name", profile.Name);
        json.WriteStartObject("identification");
        Strings(json, "userAgentTokens", profile.Identification.UserAgentTokens);
        Strings(json, "clientInfoNames", profile.Identification.ClientInfoNames);
        Strings(json, "requestMetaPrefixes", profile.Identification.RequestMetaPrefixes);
        Strings(json, "capabilityExtensions", profile.Identification.CapabilityExtensions);
        json.WriteEndObject();
        Strings(json, "toolMetaKeys", profile.ToolMetaKeys);
        Strings(json, "resourceMetaKeys", profile.ResourceMetaKeys);
        Strings(json, "mimeTypes", profile.MimeTypes);
        json.WriteString("domainRule", CamelCase(profile.DomainRule.ToString()));
        json.WriteString("cspDomains", CamelCase(profile.CspDomains.ToString()));
        json.WriteString("frameDomains", CamelCase(profile.FrameDomains.ToString()));
        Strings(json, "displayModes", DisplayModeNames(profile.DisplayModes));
        NullableBoolean(json, "sendsToolInputPartial", profile.SendsToolInputPartial);
        NullableBoolean(json, "cachesTemplatesByUri", profile.CachesTemplatesByUri);
        Strings(json, "openAiMethods", profile.OpenAiMethods);
        Strings(json, "sandboxOrigins", profile.SandboxOrigins);
        json.WriteStartObject("sources");
        foreach (var (fact, source) in profile.Sources) json.WriteString(fact, source);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The names MCP Apps uses for display modes: <c>inline</c>, <c>fullscreen</c>, <c>pip</c>.</summary>
    public static IReadOnlyList<string> DisplayModeNames(WidgetDisplayModes modes)
    {
        var names = new List<string>(3);
        if (modes.HasFlag(WidgetDisplayModes.Inline)) names.Add("inline");
        if (modes.HasFlag(WidgetDisplayModes.Fullscreen)) names.Add("fullscreen");
        if (modes.HasFlag(WidgetDisplayModes.Pip)) names.Add("pip");
        return names;
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void NullableBoolean(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } known) json.WriteBoolean(name, known);
        else json.WriteNull(name);
    }

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
