using System.Collections;
using System.Text.Json.Nodes;
using Strata.Queries;

namespace Strata.Execution;

/// <summary>
/// Refuses, before a statement runs, values that a database would change or could not give back:
/// text with a lone UTF-16 surrogate (PostgreSQL's encoder throws, SQLite stores U+FFFD, and a
/// later filter then matches other rows), and Json nested deeper than the reader reads. Each is a
/// <see cref="ValueOutOfRangeException"/> (P2020) that names the field; nothing is written.
/// </summary>
internal static class ValueGuard
{
    /// <summary>The depth <see cref="JsonNode.Parse(string, JsonNodeOptions?, System.Text.Json.JsonDocumentOptions)"/> reads by default, and so the deepest document Strata stores.</summary>
    public const int MaxJsonDepth = 64;

    public static void Check(QueryParameter parameter, string? model)
    {
        switch (parameter.Value)
        {
            case string text:
                CheckText(text, parameter, model);
                break;
            case JsonNode json:
                CheckJson(json, parameter, model);
                break;
            case IEnumerable items and not byte[]:
                foreach (var item in items)
                {
                    if (item is string s) CheckText(s, parameter, model);
                    else if (item is JsonNode j) CheckJson(j, parameter, model);
                }
                break;
        }
    }

    private static void CheckText(string text, QueryParameter parameter, string? model)
    {
        var span = text.AsSpan();
        // Surrogates are rare in text; only when there is one is the text walked pair by pair.
        if (span.IndexOfAnyInRange('\uD800', '\uDFFF') < 0) return;
        for (int i = 0; i < span.Length; i++)
        {
            if (!char.IsSurrogate(span[i])) continue;
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1])) { i++; continue; }
            throw new ValueOutOfRangeException(ErrorCodes.ValueOutOfRange,
                $"{Name(parameter, model)} holds a lone UTF-16 surrogate (U+{(int)span[i]:X4} at {i}), which is not Unicode text and cannot be stored; nothing was written.", null) { Model = model };
        }
    }

    private static void CheckJson(JsonNode root, QueryParameter parameter, string? model)
    {
        var pending = new Stack<(JsonNode Node, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            switch (node)
            {
                case JsonObject or JsonArray when depth > MaxJsonDepth:
                    throw new ValueOutOfRangeException(ErrorCodes.ValueOutOfRange,
                        $"{Name(parameter, model)} is Json nested more than {MaxJsonDepth} levels deep, deeper than Strata reads back; nothing was written.", null) { Model = model };
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        CheckText(key, parameter, model);
                        if (value != null) pending.Push((value, depth + 1));
                    }
                    break;
                case JsonArray array:
                    foreach (var item in array)
                        if (item != null) pending.Push((item, depth + 1));
                    break;
                case JsonValue value when value.TryGetValue<string>(out var s):
                    CheckText(s, parameter, model);
                    break;
            }
        }
    }

    private static string Name(QueryParameter parameter, string? model) =>
        parameter.Column is { } column ? $"The value of {model ?? "the model"}.{column.FieldName}" : "A value of the query";
}
