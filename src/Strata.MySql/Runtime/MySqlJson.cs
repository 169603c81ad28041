using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.MySql.Runtime;

/// <summary>
/// JSON text in one spelling of escapes. MariaDB compares a document's keys and strings as their escaped
/// text (<c>"\u0027"</c> is not <c>"'"</c> to its JSON_EXTRACT, JSON_EQUALS and JSON_CONTAINS), so what
/// Strata stores, the values it compares with and the keys of its paths are all written by one encoder:
/// only what JSON requires is escaped. Documents stored by other tools in other spellings compare by
/// their own text (docs/providers.md).
/// </summary>
internal static class MySqlJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A document as Strata stores it.</summary>
    public static string Write(JsonNode node) => node.ToJsonString(Options);

    /// <summary>JSON text in Strata's spelling (a literal JSON null stays <c>null</c>).</summary>
    public static string? Respell(string? json) => json == null ? null : JsonNode.Parse(json) is { } node ? Write(node) : "null";

    /// <summary>A key as a JSON string in Strata's spelling, quotes included, for a path step <c>$."key"</c>.</summary>
    public static string Key(string key) => JsonValue.Create(key).ToJsonString(Options);
}
