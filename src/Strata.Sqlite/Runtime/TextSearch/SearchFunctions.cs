using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Strata.Sqlite.Runtime.TextSearch;

/// <summary>
/// The SQL functions that search text on SQLite, registered on a connection of the client when a statement first names them:
/// <c>strata_search(query, syntax, text)</c> is 1 when the text matches, 0 when not, NULL for a
/// NULL text; <c>strata_rank(query, syntax, text, ...)</c> is the relevance of the texts joined
/// (NULL ones as empty). FTS5 is compiled into the bundled SQLite, but it matches only its own
/// virtual tables, which a Prisma schema on SQLite cannot declare; these read the row's column.
/// </summary>
internal static class SearchFunctions
{
    public const string Search = "strata_search";
    public const string Rank = "strata_rank";

    /// <summary>What both names start with: a statement without it calls neither.</summary>
    public const string Prefix = "strata_";

    // sqlite3.h: the text arrives as UTF-8; the same arguments always give the same result.
    private const int Flags = raw.SQLITE_UTF8 | raw.SQLITE_DETERMINISTIC;

    private static readonly delegate_function_scalar SearchFunction = SearchRow;
    private static readonly delegate_function_scalar RankFunction = RankRow;

    /// <summary>
    /// The native connections that have the functions. Microsoft.Data.Sqlite's pool hands the same native
    /// connection to each open, and a function stays on it; registering costs about 4 µs an open
    /// (measured: a pooled open took 1 µs before, 5 µs with both functions registered each time), a lookup here well under one.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<sqlite3, object> Registered = new();

    [ThreadStatic]
    private static List<string>? _words;

    /// <summary>Registers both functions on <paramref name="connection"/>, which must be open, unless its native connection has them: no SQL.</summary>
    public static void Register(SqliteConnection connection)
    {
        var handle = connection.Handle!;
        if (Registered.TryGetValue(handle, out _)) return;
        raw.sqlite3_create_function(handle, Search, 3, Flags, null, SearchFunction);
        raw.sqlite3_create_function(handle, Rank, -1, Flags, null, RankFunction);
        Registered.TryAdd(handle, Search);
    }

    private static void SearchRow(sqlite3_context context, object userData, sqlite3_value[] args)
    {
        if (raw.sqlite3_value_type(args[2]) == raw.SQLITE_NULL) raw.sqlite3_result_null(context);
        else if (Read(context, args) is var (query, words)) raw.sqlite3_result_int(context, query.Matches(words) ? 1 : 0);
    }

    private static void RankRow(sqlite3_context context, object userData, sqlite3_value[] args)
    {
        if (args.Length < 3) raw.sqlite3_result_error(context, $"{Rank} takes a query, its syntax and at least one text");
        else if (Read(context, args) is var (query, words)) raw.sqlite3_result_double(context, query.Rank(words));
    }

    /// <summary>
    /// The query (the first two arguments) and the words of the texts after them (NULL ones as empty);
    /// null, with the statement's error set, when the query cannot be read: an error, never a crash.
    /// </summary>
    private static (TextQuery Query, List<string> Words)? Read(sqlite3_context context, sqlite3_value[] args)
    {
        try
        {
            var query = TextQueries.Get(raw.sqlite3_value_text(args[0]).utf8_to_string() ?? "", (SearchSyntax)raw.sqlite3_value_int(args[1]));
            var words = _words ??= [];
            words.Clear();
            for (int i = 2; i < args.Length; i++)
                if (raw.sqlite3_value_type(args[i]) != raw.SQLITE_NULL) TextWords.Append(raw.sqlite3_value_text(args[i]).utf8_to_string(), words);
            return (query, words);
        }
        catch (Exception e)
        {
            // An exception must not unwind into SQLite's native frames; raw SQL may pass anything (a NULL query).
            raw.sqlite3_result_error(context, $"{e.GetType().Name}: {e.Message}");
            return null;
        }
    }
}
