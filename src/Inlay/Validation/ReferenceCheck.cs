using System.Text.Json;

namespace Inlay;

/// <summary>
/// A local <c>$ref</c> (<c>#/$defs/…</c>, <c>#/definitions/…</c>, or a JSON pointer such as <c>#/properties/root</c>, which
/// the SDK writes for recursive types). The target is set once the whole schema is compiled, so recursion works.
/// </summary>
internal sealed class ReferenceCheck(string pointer) : SchemaCheck
{
    public string Pointer => pointer;

    /// <summary>The referenced schema; <see langword="null"/> when it could not be resolved (remote or broken), which accepts anything rather than rejecting valid calls.</summary>
    public SchemaNode? Target { get; set; }

    public override bool Check(JsonElement value, ValidationContext context) => Target is null || Target.Check(value, context);
}
