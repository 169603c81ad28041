using System.Data.Common;
using Npgsql;
using Strata.Migrate.Rendering;

namespace Strata.Postgres.Migrations;

/// <summary>
/// A failed migration script's error in one line: the server's message, and which statement of
/// the script failed, at which line (the error's position in the statement, where the server
/// gives one, else the statement's first line).
/// </summary>
internal static class PostgresScriptError
{
    private const int ExcerptLength = 120;

    public static string Describe(DbException error, string script, Range? statement)
    {
        var text = error is PostgresException pg
            ? $"{pg.SqlState}: {pg.MessageText}{(string.IsNullOrEmpty(pg.Detail) ? "" : $" ({pg.Detail})")}"
            : error.Message;
        if (statement is not { } range) return text.ReplaceLineEndings(" ");
        var (start, length) = range.GetOffsetAndLength(script.Length);
        int position = (error as PostgresException)?.Position ?? 0;
        // Position counts characters from 1 in the statement as sent; 0 when the server names none.
        int at = start + (position > 0 ? Math.Min(position - 1, length) : 0);
        int line = script.AsSpan(0, at).Count('\n') + 1;
        return $"{text}, at line {line} of the script, in the statement `{SqlText.Excerpt(script[range], ExcerptLength)}`".ReplaceLineEndings(" ");
    }
}
