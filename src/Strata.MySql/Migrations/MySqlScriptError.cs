using System.Data.Common;
using MySqlConnector;
using Strata.Migrate.Rendering;

namespace Strata.MySql.Migrations;

/// <summary>
/// A failed migration script's error in one line: the server's code and message, and which
/// statement failed, by its number as Prisma counts it ("query number N") and its first line.
/// </summary>
internal static class MySqlScriptError
{
    private const int ExcerptLength = 120;

    public static string Describe(DbException error, string script, Range? statement)
    {
        var text = error is MySqlException my ? $"{my.Number} ({my.SqlState}): {my.Message}" : error.Message;
        if (statement is not { } range) return text.ReplaceLineEndings(" ");
        var statements = MySqlScriptSplitter.Split(script);
        int number = statements.Select((r, i) => (r, i)).FirstOrDefault(p => p.r.Equals(range)).i + 1;
        int line = script.AsSpan(0, range.GetOffsetAndLength(script.Length).Offset).Count('\n') + 1;
        return $"{text}, in query number {number} of the script, at line {line}: `{SqlText.Excerpt(script[range], ExcerptLength)}`".ReplaceLineEndings(" ");
    }
}
