using System.Text.RegularExpressions;

namespace Strata.Migrate.Pulling;

/// <summary>Database names made into schema names as Prisma's introspection makes them.</summary>
public static partial class PslNames
{
    /// <summary>
    /// A valid schema name for a database name, as Prisma writes it: leading characters that are
    /// not ASCII letters dropped (<c>2nd name</c> is <c>nd_name</c>, <c>_id</c> is <c>id</c>), and
    /// every other character that is not a letter, digit or underscore made an underscore. A name
    /// with no letter at all keeps its characters behind an <c>x</c>, so the schema stays valid.
    /// </summary>
    public static string Identifier(string name)
    {
        var cleaned = InvalidChars().Replace(LeadingNonLetters().Replace(name, ""), "_");
        return cleaned.Length > 0 ? cleaned : "x" + InvalidChars().Replace(name, "_");
    }

    /// <summary>A string escaped for a schema string literal.</summary>
    public static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");

    [GeneratedRegex("^[^A-Za-z]+")]
    private static partial Regex LeadingNonLetters();

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex InvalidChars();
}
