using System.Text.Json;

namespace Inlay;

/// <summary>
/// One compiled keyword (or group of related keywords) of a JSON Schema. A <see cref="SchemaNode"/> runs its checks in
/// order and stops at the first that fails, so each value gets at most one problem.
/// </summary>
internal abstract class SchemaCheck
{
    /// <summary>Whether <paramref name="value"/> fits; when it does not and the context is recording, the reason is reported to it.</summary>
    public abstract bool Check(JsonElement value, ValidationContext context);
}
