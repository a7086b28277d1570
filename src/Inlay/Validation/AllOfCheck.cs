using System.Text.Json;

namespace Inlay;

/// <summary>The <c>allOf</c> keyword: the value must fit every part; the first part it misses is reported.</summary>
internal sealed class AllOfCheck(SchemaNode[] parts) : SchemaCheck
{
    public SchemaNode[] Parts => parts;

    public override bool Check(JsonElement value, ValidationContext context)
    {
        foreach (var part in parts)
        {
            if (!part.Check(value, context)) return false;
        }
        return true;
    }
}
