using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inlay.ConformanceServer;

/// <summary>Serializer metadata for the values the fixtures write themselves.</summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(IDictionary<string, JsonElement>))]
internal sealed partial class ConformanceJson : JsonSerializerContext;
