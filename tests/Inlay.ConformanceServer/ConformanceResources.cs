using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay.ConformanceServer;

/// <summary>The resources the conformance suite reads and subscribes to.</summary>
[McpServerResourceType]
public sealed class ConformanceResources
{
    [McpServerResource(UriTemplate = "test://static-text", Name = "static-text", MimeType = "text/plain")]
    [Description("A static text resource for testing")]
    public static string StaticText() => "This is the content of the static text resource.";

    [McpServerResource(UriTemplate = "test://static-binary", Name = "static-binary", MimeType = "image/png")]
    [Description("A static binary resource (image) for testing")]
    public static BlobResourceContents StaticBinary() => BlobResourceContents.FromBytes(TestMedia.RedPixelPng, "test://static-binary", "image/png");

    [McpServerResource(UriTemplate = "test://template/{id}/data", Name = "template-data", MimeType = "application/json")]
    [Description("A resource template with an id parameter")]
    public static TextResourceContents TemplateData(string id) => new()
    {
        Uri = $"test://template/{id}/data",
        MimeType = "application/json",
        Text = $$"""{"id":"{{id.Replace("\"", "")}}","templateTest":true,"data":"Data for ID: {{id.Replace("\"", "")}}"}""",
    };

    [McpServerResource(UriTemplate = "test://watched-resource", Name = "watched-resource", MimeType = "text/plain")]
    [Description("A resource clients can subscribe to")]
    public static string Watched() => "Watched resource content";
}
