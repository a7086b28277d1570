using System.Text.Json;

namespace Inlay;

/// <summary>The array keywords <c>items</c>, <c>minItems</c>, <c>maxItems</c> and <c>uniqueItems</c>; other values pass.</summary>
internal sealed class ArrayCheck(SchemaNode? items, int? minItems, int? maxItems, bool uniqueItems) : SchemaCheck
{
    /// <summary>Up to this many items are compared pairwise for <c>uniqueItems</c>; longer arrays are bucketed by a hash first.</summary>
    private const int PairwiseLimit = 32;

    public override bool Check(JsonElement value, ValidationContext context)
    {
        if (value.ValueKind != JsonValueKind.Array) return true;
        var count = value.GetArrayLength();
        if (minItems is { } min && count < min)
        {
            context.Report($"must have at least {min} item{(min == 1 ? "" : "s")}");
            return false;
        }
        if (maxItems is { } max && count > max)
        {
            context.Report($"must have at most {max} item{(max == 1 ? "" : "s")}, but has {count}");
            return false;
        }

        var fits = true;
        if (items is { AcceptsAnything: false })
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (!context.TryEnter(index++)) return false;
                var itemFits = items.Check(item, context);
                context.Leave();
                if (itemFits) continue;
                fits = false;
                if (!context.Recording || context.IsFull) return false;
            }
        }
        if (fits && uniqueItems && FindRepeat(value, count) is var (first, second) && second > 0)
        {
            context.Report($"must not repeat items, but items {first} and {second} are equal");
            return false;
        }
        return fits;
    }

    private static (int First, int Second) FindRepeat(JsonElement array, int count)
    {
        if (count < 2) return default;
        if (count <= PairwiseLimit)
        {
            for (var i = 1; i < count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (JsonElement.DeepEquals(array[i], array[j])) return (j, i);
                }
            }
            return default;
        }

        // Only long arrays get here, so the buckets' allocation is paid only when a schema asks for unique items at scale.
        // (Indexing a JsonElement array can walk it, so the items are listed once.)
        var items = new JsonElement[count];
        var n = 0;
        foreach (var element in array.EnumerateArray()) items[n++] = element;
        var buckets = new Dictionary<int, List<int>>();
        for (var i = 0; i < count; i++)
        {
            var item = items[i];
            var hash = ShallowHash(item);
            if (buckets.TryGetValue(hash, out var seen))
            {
                foreach (var j in seen)
                {
                    if (JsonElement.DeepEquals(items[j], item)) return (j, i);
                }
                seen.Add(i);
            }
            else buckets[hash] = [i];
        }
        return default;
    }

    /// <summary>A hash equal for equal values (numbers by value, as JSON Schema compares them), without descending.</summary>
    private static int ShallowHash(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => JsonNumbers.Value(value).GetHashCode(),
        JsonValueKind.String => value.GetString()!.GetHashCode(StringComparison.Ordinal),
        JsonValueKind.Array => HashCode.Combine(JsonValueKind.Array, value.GetArrayLength()),
        JsonValueKind.Object => HashCode.Combine(JsonValueKind.Object, value.GetPropertyCount()),
        var kind => (int)kind,
    };
}
