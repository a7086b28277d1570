using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inlay.DevHost;

/// <summary>Source-generated serialization of <see cref="DevHostConfig"/>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DevHostConfig))]
internal sealed partial class DevHostJsonContext : JsonSerializerContext;
