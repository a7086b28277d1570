using System.Text.Json;

namespace Inlay;

/// <summary>
/// One compiled JSON Schema: the checks its keywords compiled to, run in order. Validation walks a tree of these (a
/// graph when <c>$ref</c>s recurse); messages are built only when a value fails, so a call that fits allocates nothing.
/// </summary>
internal sealed class SchemaNode
{
    /// <summary>Validation stops descending past this depth so hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>The checks, type first, then value, then keyword-specific, then <c>$ref</c> and the combinators.</summary>
    public SchemaCheck[] Checks { get; set; } = [];

    /// <summary>The types the <c>type</c> keyword allows; <see cref="JsonTypes.Any"/> when it has none.</summary>
    public JsonTypes Types { get; set; } = JsonTypes.Any;

    /// <summary>This schema's <c>$ref</c>, if it has one.</summary>
    public ReferenceCheck? Reference { get; set; }

    /// <summary>The <c>false</c> schema, which nothing fits.</summary>
    public bool IsNever { get; set; }

    /// <summary>True for a schema that accepts anything (<c>true</c> or <c>{}</c>), so values under it need not be visited.</summary>
    public bool AcceptsAnything => Checks.Length == 0;

    public bool Check(JsonElement value, ValidationContext context)
    {
        foreach (var check in Checks)
        {
            if (!check.Check(value, context)) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether the value is of a kind this schema could accept (an object for an object schema, any number for an integer
    /// one): used to choose which alternative of a failed <c>anyOf</c> to explain.
    /// </summary>
    public bool MayAccept(JsonElement value)
    {
        if (IsNever) return false;
        var types = DeclaredTypes();
        return types == JsonTypes.Any || TypeCheck.KindFits(value, types);
    }

    /// <summary>The types this schema (or the one its <c>$ref</c> points at) declares.</summary>
    public JsonTypes DeclaredTypes()
    {
        var node = this;
        // Reference chains are acyclic once compiled (cycles are cut), so this ends.
        while (node.Types == JsonTypes.Any && node.Reference?.Target is { } target) node = target;
        return node.Types;
    }
}
