using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.Differential.Engine;

/// <summary>
/// What the docs say a Json filter means, written out over the in-memory documents: the value a
/// path reaches (an object's key, an array's index; missing otherwise), and equality by value:
/// same type, numbers by their value (1, 1.0 and 1e0 are equal), strings by code point, objects
/// with the same keys whatever their order, arrays element by element in order.
/// </summary>
public static class JsonSemantics
{
    /// <summary>The value at <paramref name="path"/> (null is JSON's null), or found = false when the path is missing.</summary>
    public static (bool Found, JsonNode? Value) At(JsonNode? document, IReadOnlyList<JsonPathStep> path)
    {
        var node = document;
        foreach (var step in path)
        {
            switch (node)
            {
                case JsonObject obj when step.Key != null && obj.TryGetPropertyValue(step.Key, out var child):
                    node = child;
                    break;
                case JsonArray array when step.Key == null && step.Index < array.Count:
                    node = array[step.Index];
                    break;
                default:
                    return (false, null);
            }
        }
        return (true, node);
    }

    public static new bool Equals(JsonNode? x, JsonNode? y)
    {
        var (kx, ky) = (KindOf(x), KindOf(y));
        if (kx != ky) return false;
        switch (kx)
        {
            case JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False: return true;
            case JsonValueKind.String: return string.Equals(x!.GetValue<string>(), y!.GetValue<string>(), StringComparison.Ordinal);
            case JsonValueKind.Number: return Number(x!) == Number(y!);
            case JsonValueKind.Array:
                var (a, b) = (x!.AsArray(), y!.AsArray());
                return a.Count == b.Count && a.Zip(b).All(p => Equals(p.First, p.Second));
            default:
                var (o, p) = (x!.AsObject(), y!.AsObject());
                return o.Count == p.Count && o.All(kv => p.TryGetPropertyValue(kv.Key, out var other) && Equals(kv.Value, other));
        }
    }

    public static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public static bool IsString(JsonNode? node) => KindOf(node) == JsonValueKind.String;

    // The documents' numbers are small and exact as decimals.
    private static decimal Number(JsonNode node) => decimal.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>C# that builds <paramref name="node"/>, for printing a case.</summary>
    public static string Text(JsonNode? node) => node == null ? "null" : $"JsonNode.Parse({Semantics.Format(node.ToJsonString())})";

    /// <summary>A copy with every object's keys in ordinal order.</summary>
    public static JsonNode Sorted(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, kv.Value == null ? null : Sorted(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(e => e == null ? null : Sorted(e)).ToArray()),
        _ => node.DeepClone(),
    };

    /// <summary>The same value written otherwise: object keys in reverse order, integers as decimals (1 as 1.0).</summary>
    public static JsonNode? Respelled(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => new JsonObject(o.Reverse().Select(kv => KeyValuePair.Create(kv.Key, Respelled(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(Respelled).ToArray()),
        _ when KindOf(node) == JsonValueKind.Number && !node.ToJsonString().Contains('.') => JsonNode.Parse(node.ToJsonString() + ".0"),
        _ => node.DeepClone(),
    };
}
