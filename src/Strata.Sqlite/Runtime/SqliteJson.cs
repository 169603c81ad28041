using System.Globalization;
using System.Text.Json.Nodes;
using Strata.Queries;

namespace Strata.Sqlite.Runtime;

/// <summary>
/// Json as SQLite stores it: text in a <c>JSONB</c> column, whose numeric affinity turns text that
/// reads as a number into an INTEGER or REAL. So a top-level number is stored only when that
/// conversion keeps its value; one that would lose digits is refused (P2020) instead of changed.
/// </summary>
internal static class SqliteJson
{
    public static string ToStored(object value, QueryParameter parameter)
    {
        var text = value is string s ? s : ((JsonNode)value).ToJsonString();
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length == 0 || !(char.IsAsciiDigit(trimmed[0]) || trimmed[0] == '-')) return text;
        if (!KeepsValue(trimmed))
            throw new ValueOutOfRangeException(ErrorCodes.ValueOutOfRange,
                $"The Json number {trimmed}{SqliteDialect.Of(parameter)} would lose digits in SQLite, which stores a number in a Json column as a 64-bit integer or a double; store it in an object or as a string. Nothing was written.", null);
        return text;
    }

    /// <summary>True when SQLite's conversion of the number (to a 64-bit integer, else a double) keeps its value.</summary>
    private static bool KeepsValue(ReadOnlySpan<char> number)
    {
        if (long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return true;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.IsInfinity(d)) return false;
        // Compare as decimals where they reach; numbers beyond decimal's range keep what a double holds of them.
        if (!decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)) return true;
        return decimal.TryParse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var stored) && stored == exact;
    }
}
