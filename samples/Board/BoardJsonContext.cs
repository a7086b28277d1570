using System.Text.Json;
using System.Text.Json.Serialization;

namespace Board;

/// <summary>Serializer metadata for the board's types, so the app also runs as a Native AOT binary.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BoardView))]
[JsonSerializable(typeof(BoardChange))]
[JsonSerializable(typeof(int?))]
internal sealed partial class BoardJsonContext : JsonSerializerContext;
