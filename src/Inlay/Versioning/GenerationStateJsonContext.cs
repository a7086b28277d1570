using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inlay;

/// <summary>Source-generated serialization of <see cref="GenerationState"/> (<c>state.json</c>).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(GenerationState))]
internal sealed partial class GenerationStateJsonContext : JsonSerializerContext;
