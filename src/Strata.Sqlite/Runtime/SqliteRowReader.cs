using System.Data.Common;
using System.Globalization;
using Strata.Providers;

namespace Strata.Sqlite.Runtime;

/// <summary>
/// Reads SQLite's stored forms. DateTime is written as integer milliseconds since 1970 (Prisma's
/// form), but databases that Strata did not create hold other forms, which are read too: integer
/// or real milliseconds, the same as text (an integer written into a TEXT column becomes text),
/// and ISO 8601 / SQL text ("2024-01-02 03:04:05", "2024-01-02T03:04:05.123+02:00"), taken as UTC
/// when it names no zone.
/// </summary>
internal sealed class SqliteRowReader : RowReader
{
    public override DateTime DateTime(DbDataReader reader, int ordinal)
    {
        var type = reader.GetFieldType(ordinal);
        if (type == typeof(long)) return FromMilliseconds(reader.GetInt64(ordinal));
        if (type == typeof(double)) return FromMilliseconds((long)reader.GetDouble(ordinal));
        var text = reader.GetString(ordinal).AsSpan().Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)) return FromMilliseconds(ms);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)) return FromMilliseconds((long)real);
        return System.DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    private static DateTime FromMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime;
}
