using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hello;

/// <summary>Serializer metadata for the sample's own types, so it also runs as a Native AOT binary.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Greeting))]
internal sealed partial class HelloJsonContext : JsonSerializerContext;
