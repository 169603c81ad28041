using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;
using Strata.Providers;
using Strata.Queries;

namespace Strata;

/// <summary>
/// A raw SQL statement written as an interpolated string: <c>$"SELECT * FROM users WHERE id = {id}"</c>.
/// The literal text is the SQL; every hole is a bound parameter, never SQL text, so a value cannot
/// change the statement. A list hole (<c>{ids}</c> inside <c>IN (...)</c>) becomes one parameter per
/// item. Names of tables and columns go in only through <see cref="Identifier(string[])"/>, which
/// quotes them. A plain string does not convert to <see cref="RawSql"/>: use the explicitly named
/// <c>...UnsafeAsync</c> methods for SQL built at run time.
/// </summary>
[InterpolatedStringHandler]
public struct RawSql
{
    private List<RawPart>? _parts;

    /// <summary>Starts a statement (the compiler calls this for an interpolated string).</summary>
    /// <param name="literalLength">The length of the literal text.</param>
    /// <param name="formattedCount">The number of holes.</param>
    public RawSql(int literalLength, int formattedCount) => _parts = new List<RawPart>(formattedCount * 2 + 1);

    /// <summary>Appends literal SQL text.</summary>
    public void AppendLiteral(string value) => Parts.Add(new RawPart(value, null, default));

    /// <summary>Appends a value as a bound parameter (a list as one parameter per item).</summary>
    public void AppendFormatted<T>(T value)
    {
        if (value is IEnumerable items and not string and not byte[] and not System.Text.Json.Nodes.JsonNode)
        {
            var list = new List<QueryParameter>();
            foreach (var item in items) list.Add(RawValues.Parameter(item, item?.GetType()));
            Parts.Add(new RawPart(null, list, default));
            return;
        }
        Parts.Add(new RawPart(null, null, RawValues.Parameter(value, typeof(T))));
    }

    /// <summary>Appends a quoted identifier (<see cref="Identifier(string[])"/>).</summary>
    public void AppendFormatted(SqlIdentifier identifier)
    {
        if (identifier.Parts == null) throw new ArgumentException("An identifier needs a name: use RawSql.Identifier(\"name\").", nameof(identifier));
        Parts.Add(new RawPart(null, null, default, identifier.Parts));
    }

    /// <summary>
    /// A table or column name, quoted for the database (<c>"User"</c>); several parts make a
    /// qualified name (<c>Identifier("auth", "users")</c> is <c>"auth"."users"</c>).
    /// </summary>
    public static SqlIdentifier Identifier(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0) throw new ArgumentException("An identifier needs at least one part.", nameof(parts));
        foreach (var part in parts)
        {
            if (string.IsNullOrEmpty(part)) throw new ArgumentException("An identifier's parts cannot be null or empty.", nameof(parts));
            if (part.Contains('\0')) throw new ArgumentException("An identifier cannot contain a NUL character.", nameof(parts));
        }
        return new SqlIdentifier((string[])parts.Clone());
    }

    private List<RawPart> Parts => _parts ??= [];

    /// <summary>The SQL text for <paramref name="dialect"/>, with its placeholders, and the parameters in their order.</summary>
    internal readonly (string Sql, QueryParameter[] Parameters) Render(SqlDialect dialect)
    {
        var sql = new StringBuilder();
        var parameters = new List<QueryParameter>();
        foreach (var part in _parts ?? [])
        {
            if (part.Text != null) sql.Append(part.Text);
            else if (part.Identifier != null) WriteIdentifier(dialect, sql, part.Identifier);
            else if (part.List != null)
            {
                // An empty list matches nothing: IN (NULL) is never true, and it is valid SQL where IN () is not.
                if (part.List.Count == 0) sql.Append("NULL");
                for (int i = 0; i < part.List.Count; i++)
                {
                    if (i > 0) sql.Append(", ");
                    dialect.WriteRawParameter(sql, parameters.Count, part.List[i]);
                    parameters.Add(part.List[i]);
                }
            }
            else
            {
                dialect.WriteRawParameter(sql, parameters.Count, part.Value);
                parameters.Add(part.Value);
            }
        }
        var text = sql.ToString();
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("The raw SQL statement is empty.");
        return (text, parameters.ToArray());
    }

    private static void WriteIdentifier(SqlDialect dialect, StringBuilder sql, string[] parts)
    {
        for (int i = 0; i < parts.Length; i++)
        {
            if (i > 0) sql.Append('.');
            dialect.QuoteIdentifier(sql, parts[i]);
        }
    }

    private readonly record struct RawPart(string? Text, List<QueryParameter>? List, QueryParameter Value, string[]? Identifier = null);
}

/// <summary>A quoted name in raw SQL, made by <see cref="RawSql.Identifier(string[])"/>.</summary>
public readonly struct SqlIdentifier
{
    internal SqlIdentifier(string[] parts) => Parts = parts;

    internal string[]? Parts { get; }

    /// <summary>The name's parts joined by dots, unquoted.</summary>
    public override string ToString() => Parts == null ? "" : string.Join('.', Parts);
}
