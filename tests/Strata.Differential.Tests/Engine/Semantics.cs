using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Strata.Differential.Engine;

/// <summary>
/// What the databases are expected to do where SQL leaves a choice, per provider, as docs/client.md
/// and docs/providers.md state it. Text is compared by Unicode code point (SQLite compares UTF-8 bytes; the test
/// PostgreSQL runs with the C collation, which does the same; the test MariaDB's tables use utf8mb4_nopad_bin,
/// see MariaDbServer.WithBinaryCollation). Case-insensitive operators fold ASCII letters only on SQLite
/// (lower()/LIKE) and PostgreSQL (lower()/ILIKE under the C ctype); MariaDB's lower() folds more: each
/// character of the Basic Multilingual Plane by its simple lowercase mapping (É to é, Σ to σ, K to k), as
/// <see cref="char.ToLowerInvariant"/> does, and characters beyond it not at all (as char-by-char lowering
/// leaves surrogates alone). Its tables are older than .NET's in places (it keeps ẞ, U+1E9E, which .NET lowers to ß);
/// the pools hold no such letter, so the oracle's rule is .NET's per char, checked on MariaDB 10.11.
/// Nulls sort first ascending on SQLite and MySQL and last ascending on PostgreSQL; enums sort by their
/// database name on SQLite (stored as text) and by declaration order on PostgreSQL (native enums) and MySQL
/// (an ENUM column sorts by its index). MySQL's MIN and MAX of an ENUM compare its names instead (its manual
/// says so; docs/providers.md), by the column's binary collation. Full-text search is refused on MySQL (P2009).
/// Enum types register their database names in <see cref="EnumNames"/>.
/// </summary>
public sealed class Semantics
{
    private Semantics(string provider, bool nullsFirstAscending, bool enumsByName, bool enumExtremesByName = false, bool foldsUnicode = false, bool refusesSearch = false)
    {
        Provider = provider;
        NullsFirstAscending = nullsFirstAscending;
        EnumsByName = enumsByName;
        EnumExtremesByName = enumsByName || enumExtremesByName;
        FoldsUnicode = foldsUnicode;
        RefusesSearch = refusesSearch;
    }

    public static Semantics Sqlite { get; } = new("sqlite", nullsFirstAscending: true, enumsByName: true);

    public static Semantics Postgres { get; } = new("postgresql", nullsFirstAscending: false, enumsByName: false);

    public static Semantics MySql { get; } = new("mysql", nullsFirstAscending: true, enumsByName: false, enumExtremesByName: true, foldsUnicode: true, refusesSearch: true);

    public static Semantics For(StrataProvider provider) => provider switch
    {
        StrataProvider.Sqlite => Sqlite,
        StrataProvider.PostgreSql => Postgres,
        StrataProvider.MySql => MySql,
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    public string Provider { get; }

    public bool NullsFirstAscending { get; }

    public bool EnumsByName { get; }

    /// <summary>True where MIN and MAX of an enum compare its database names rather than its order.</summary>
    public bool EnumExtremesByName { get; }

    /// <summary>True where case-insensitive operators fold every BMP letter (MariaDB), not ASCII only.</summary>
    public bool FoldsUnicode { get; }

    /// <summary>True where full-text search is refused (P2009) rather than run.</summary>
    public bool RefusesSearch { get; }

    /// <summary>Text as this provider's case-insensitive operators compare it.</summary>
    public string Fold(string s)
    {
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= 'A' and <= 'Z') chars[i] = (char)(chars[i] + 32);
            else if (FoldsUnicode && !char.IsSurrogate(chars[i])) chars[i] = char.ToLowerInvariant(chars[i]);
        }
        return new string(chars);
    }

    /// <summary>Code point order (UTF-16 code unit order differs from it above the BMP).</summary>
    public static int CompareText(string a, string b)
    {
        var x = a.EnumerateRunes().GetEnumerator();
        var y = b.EnumerateRunes().GetEnumerator();
        while (true)
        {
            bool hasX = x.MoveNext(), hasY = y.MoveNext();
            if (!hasX || !hasY) return hasX.CompareTo(hasY);
            int c = x.Current.Value.CompareTo(y.Current.Value);
            if (c != 0) return c;
        }
    }

    /// <summary>Compares two non-null values of the same field.</summary>
    public int Compare(object a, object b) => Compare(a, b, EnumsByName);

    /// <summary>Compares two non-null values as MIN and MAX do.</summary>
    public int CompareExtremes(object a, object b) => Compare(a, b, EnumExtremesByName);

    private static int Compare(object a, object b, bool enumsByName) => (a, b) switch
    {
        (string x, string y) => CompareText(x, y),
        (Enum x, Enum y) => enumsByName ? CompareText(EnumNames[x.GetType()](x), EnumNames[y.GetType()](y)) : Convert.ToInt32(x, CultureInfo.InvariantCulture).CompareTo(Convert.ToInt32(y, CultureInfo.InvariantCulture)),
        (IComparable x, _) => x.CompareTo(b),
        _ => throw new InvalidOperationException($"{a.GetType().Name} values are not ordered."),
    };

    public static bool ValueEquals(object a, object b) => (a, b) switch
    {
        (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
        (System.Collections.IList x, System.Collections.IList y) => x.Count == y.Count && x.Cast<object>().Zip(y.Cast<object>()).All(p => ValueEquals(p.First, p.Second)),
        (JsonNode x, JsonNode y) => JsonNode.DeepEquals(x, y),
        _ => a.Equals(b),
    };

    /// <summary>Each enum type's values as the database stores them (the schema's names, or their @map).</summary>
    public static System.Collections.Concurrent.ConcurrentDictionary<Type, Func<Enum, string>> EnumNames { get; } = new();

    /// <summary>A value as the comparison of results prints it.</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
        DateTime d => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.############", CultureInfo.InvariantCulture),
        double f => f.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => "0x" + Convert.ToHexString(bytes),
        System.Collections.IList list => "[" + string.Join(", ", list.Cast<object?>().Select(Format)) + "]",
        JsonNode json => JsonSemantics.Sorted(json).ToJsonString(), // PostgreSQL's jsonb gives keys back in its own order
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
