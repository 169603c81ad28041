using System.Text.Json.Nodes;
using static Strata.Differential.Engine.TriLogic;

namespace Strata.Differential.Engine;

/// <summary>
/// A Json filter: a path (none for the whole document) and one of Prisma's Json tests. A missing
/// path, or a null document, leaves every test unknown; a value of another type makes the string
/// and array tests false. At the whole document, <c>!=</c> holds for a null document (as for other fields).
/// </summary>
public sealed record JsonCond(ScalarSpec Field, JsonOperator Op, JsonPathStep[] Path, JsonNode? Value, string? Text, JsonNode?[] Values, bool Root) : Cond
{
    public override Filter Build(object where)
    {
        var field = Field.Json!(where);
        var path = field.Path(Path);
        if (Root) return Op == JsonOperator.Equals ? field == Value : field != Value;
        return Op switch
        {
            JsonOperator.Equals => path == Value,
            JsonOperator.NotEquals => path != Value,
            JsonOperator.StringContains => path.StringContains(Text!),
            JsonOperator.StringStartsWith => path.StringStartsWith(Text!),
            JsonOperator.StringEndsWith => path.StringEndsWith(Text!),
            JsonOperator.ArrayContains => path.ArrayContains(Values),
            JsonOperator.ArrayStartsWith => path.ArrayStartsWith(Value),
            _ => path.ArrayEndsWith(Value),
        };
    }

    public override Tri Eval(object world, object row, Semantics semantics)
    {
        var document = (JsonNode?)Field.Get(row);
        if (Root && document == null) return Op == JsonOperator.NotEquals ? Tri.True : Tri.Unknown;
        if (document == null) return Tri.Unknown;
        var (found, value) = JsonSemantics.At(document, Path);
        if (!found) return Tri.Unknown;
        switch (Op)
        {
            case JsonOperator.Equals: return Of(JsonSemantics.Equals(value, Value));
            case JsonOperator.NotEquals: return Of(!JsonSemantics.Equals(value, Value));
        }
        if (Op is JsonOperator.StringContains or JsonOperator.StringStartsWith or JsonOperator.StringEndsWith)
        {
            if (!JsonSemantics.IsString(value)) return Tri.False;
            var s = value!.GetValue<string>();
            return Of(Op switch
            {
                JsonOperator.StringContains => s.Contains(Text!, StringComparison.Ordinal),
                JsonOperator.StringStartsWith => s.StartsWith(Text!, StringComparison.Ordinal),
                _ => s.EndsWith(Text!, StringComparison.Ordinal),
            });
        }
        if (value is not JsonArray array) return Tri.False;
        return Of(Op switch
        {
            JsonOperator.ArrayContains => Values.All(v => array.Any(e => JsonSemantics.Equals(e, v))),
            JsonOperator.ArrayStartsWith => array.Count > 0 && JsonSemantics.Equals(array[0], Value),
            _ => array.Count > 0 && JsonSemantics.Equals(array[^1], Value),
        });
    }

    public override IEnumerable<Cond> Shrink()
    {
        if (Path.Length > 0) yield return this with { Path = Path[..^1] };
        if (Values.Length > 1) yield return this with { Values = Values[..1] };
    }

    public override string ToString()
    {
        var field = "x." + Field.Name;
        if (Root) return $"{field} {(Op == JsonOperator.Equals ? "==" : "!=")} {JsonSemantics.Text(Value)}";
        var path = $"{field}.Path({string.Join(", ", Path.Select(s => s.Key != null ? Semantics.Format(s.Key) : s.Index.ToString()))})";
        return Op switch
        {
            JsonOperator.Equals => $"{path} == {JsonSemantics.Text(Value)}",
            JsonOperator.NotEquals => $"{path} != {JsonSemantics.Text(Value)}",
            JsonOperator.StringContains or JsonOperator.StringStartsWith or JsonOperator.StringEndsWith => $"{path}.{Op}({Semantics.Format(Text)})",
            JsonOperator.ArrayContains => $"{path}.ArrayContains({string.Join(", ", Values.Select(JsonSemantics.Text))})",
            _ => $"{path}.{Op}({JsonSemantics.Text(Value)})",
        };
    }
}

/// <summary>Generates Json filters from the documents of a field's pool: paths through them (and some that miss), values found there (respelled) or common scalars.</summary>
public static class JsonCases
{
    private static readonly string[] Keys = ["a", "b", "c", "n", "s", "list", "tags", "0", "missing"];
    private static readonly string[] Texts = ["", "x", "X", "%", "_", "hello", "H", "1", "red", "o %"];
    private static readonly JsonNode?[] Scalars = [null, JsonValue.Create(1), JsonValue.Create("1"), JsonNode.Parse("1.0"), JsonValue.Create(true), JsonValue.Create(false), JsonValue.Create("x"), JsonValue.Create("red"), JsonNode.Parse("[1,2]"), JsonNode.Parse("{}")];

    public static Cond Generate(Random r, ScalarSpec field)
    {
        var documents = field.Pool.Cast<JsonNode>().ToArray();
        var document = documents[r.Next(documents.Length)];
        var ops = Enum.GetValues<JsonOperator>();
        var op = ops[r.Next(ops.Length)];
        if (op is JsonOperator.Equals or JsonOperator.NotEquals && r.Next(4) == 0)
            // At the whole document C#'s null is the database's null, which ScalarCond tests: a document here.
            return new JsonCond(field, op, [], Value(r, documents, document, []) ?? JsonSemantics.Respelled(document), null, [], Root: true);
        var path = Path(r, document);
        var found = JsonSemantics.At(document, path);
        return op switch
        {
            JsonOperator.StringContains or JsonOperator.StringStartsWith or JsonOperator.StringEndsWith =>
                new JsonCond(field, op, path, null, Text(r, found.Value), [], false),
            JsonOperator.ArrayContains => new JsonCond(field, op, path, null, null,
                Enumerable.Range(0, r.Next(0, 3)).Select(_ => Element(r, found.Value)).ToArray(), false),
            JsonOperator.ArrayStartsWith or JsonOperator.ArrayEndsWith => new JsonCond(field, op, path, Element(r, found.Value), null, [], false),
            _ => new JsonCond(field, op, path, Value(r, documents, document, path), null, [], false),
        };
    }

    /// <summary>A path through <paramref name="document"/>, usually along what it holds, sometimes off it.</summary>
    private static JsonPathStep[] Path(Random r, JsonNode? document)
    {
        var steps = new List<JsonPathStep>();
        var node = document;
        int length = r.Next(0, 4);
        while (steps.Count < length)
        {
            bool off = r.Next(6) == 0;
            if (node is JsonObject obj && obj.Count > 0 && !off)
            {
                var key = obj.ElementAt(r.Next(obj.Count)).Key;
                steps.Add(key);
                node = obj[key];
            }
            else if (node is JsonArray array && array.Count > 0 && !off)
            {
                int index = r.Next(array.Count);
                steps.Add(index);
                node = array[index];
            }
            else if (off || node is JsonObject or JsonArray)
            {
                steps.Add(r.Next(3) == 0 ? r.Next(0, 3) : Keys[r.Next(Keys.Length)]);
                node = null;
            }
            else break; // a scalar: the path ends at it

        }
        return steps.ToArray();
    }

    /// <summary>A value to compare with: what the path reaches in some document, respelled, or a common scalar.</summary>
    private static JsonNode? Value(Random r, JsonNode[] documents, JsonNode document, JsonPathStep[] path)
    {
        if (r.Next(3) == 0) return Pick(r, Scalars)?.DeepClone();
        var source = r.Next(2) == 0 ? document : documents[r.Next(documents.Length)];
        var (found, value) = JsonSemantics.At(source, path);
        if (!found) return Pick(r, Scalars)?.DeepClone();
        return r.Next(2) == 0 ? JsonSemantics.Respelled(value) : value?.DeepClone();
    }

    private static JsonNode? Element(Random r, JsonNode? value) =>
        value is JsonArray { Count: > 0 } array && r.Next(3) > 0 ? JsonSemantics.Respelled(array[r.Next(array.Count)]) : Pick(r, Scalars)?.DeepClone();

    private static string Text(Random r, JsonNode? value)
    {
        if (!JsonSemantics.IsString(value) || r.Next(3) == 0) return Pick(r, Texts);
        var s = value!.GetValue<string>();
        int start = s.Length == 0 ? 0 : r.Next(s.Length);
        return s.Substring(start, r.Next(0, s.Length - start + 1));
    }

    private static T Pick<T>(Random r, T[] items) => items[r.Next(items.Length)];
}
