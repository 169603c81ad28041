using System.Data.Common;
using System.Globalization;
using Strata.Providers;

namespace Strata.Sqlite.Runtime;

/// <summary>Reads SQLite's stored forms: DateTime as integer milliseconds (or text written by SQL defaults).</summary>
internal sealed class SqliteRowReader : RowReader
{
    public override DateTime DateTime(DbDataReader reader, int ordinal)
    {
        var type = reader.GetFieldType(ordinal);
        if (type == typeof(long)) return DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal)).UtcDateTime;
        if (type == typeof(double)) return DateTimeOffset.FromUnixTimeMilliseconds((long)reader.GetDouble(ordinal)).UtcDateTime;
        // CURRENT_TIMESTAMP and hand-written SQL store text: "2024-01-02 03:04:05" or ISO 8601, taken as UTC.
        var text = reader.GetString(ordinal);
        return System.DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }
}
