using System.Text.Json;

namespace Inlay;

/// <summary>
/// Checks tool-call arguments against a tool's input schema before the tool runs, so a call that does not fit gets a
/// result naming the argument and the reason instead of a generic binding failure.
/// </summary>
/// <remarks>
/// The schema is compiled once into a tree of small checks (<see cref="SchemaCompiler"/>); validating walks it without
/// building JSON nodes and allocates only when a value fails. Problems come in the schema's property order, at most
/// <see cref="MaxReportedProblems"/> of them. How numbers are read follows the SDK's binder; see <see cref="JsonNumbers"/>.
/// </remarks>
internal sealed class ToolArgumentValidator
{
    /// <summary>At most this many problems are reported at once; the rest usually follow from the same mistake.</summary>
    private const int MaxReportedProblems = 3;

    private readonly SchemaNode _schema;

    /// <summary>The root's object keywords when nothing else at the root needs the arguments as one JSON value (the usual case).</summary>
    private readonly ObjectCheck? _arguments;

    private readonly bool _argumentsOnly;

    private ToolArgumentValidator(SchemaNode schema)
    {
        _schema = schema;
        _argumentsOnly = schema.Checks.All(c => c is ObjectCheck || c is TypeCheck && schema.Types.HasFlag(JsonTypes.Object));
        _arguments = schema.Checks.OfType<ObjectCheck>().FirstOrDefault();
    }

    /// <summary>Builds a validator for one input schema.</summary>
    public static ToolArgumentValidator Compile(JsonElement inputSchema) => new(SchemaCompiler.Compile(inputSchema));

    /// <summary>Returns a message naming each argument that does not fit and why, or <see langword="null"/> when all fit.</summary>
    public string? Validate(IDictionary<string, JsonElement>? arguments)
    {
        if (_argumentsOnly && _arguments is null) return null;
        var context = ValidationContext.Rent(MaxReportedProblems);
        try
        {
            var fits = _argumentsOnly ? _arguments!.CheckArguments(arguments, context) : _schema.Check(ToJson(arguments), context);
            return fits ? null : context.Message() ?? "The arguments do not fit the tool's input schema.";
        }
        finally
        {
            ValidationContext.Return(context);
        }
    }

    /// <summary>The arguments as one JSON object, for the rare root schema with <c>$ref</c> or combinators of its own.</summary>
    private static JsonElement ToJson(IDictionary<string, JsonElement>? arguments)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in arguments ?? new Dictionary<string, JsonElement>())
            {
                writer.WritePropertyName(name);
                if (value.ValueKind == JsonValueKind.Undefined) writer.WriteNullValue();
                else value.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = 1024 });
        return document.RootElement.Clone();
    }
}
