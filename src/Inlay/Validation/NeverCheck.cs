using System.Text.Json;

namespace Inlay;

/// <summary>The <c>false</c> schema: no value fits, as for a property a schema forbids with <c>"name": false</c>.</summary>
internal sealed class NeverCheck : SchemaCheck
{
    public static readonly NeverCheck Instance = new();

    public override bool Check(JsonElement value, ValidationContext context)
    {
        context.Report("is not allowed");
        return false;
    }
}
