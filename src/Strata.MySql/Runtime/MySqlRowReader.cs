using System.Data.Common;
using Strata.Providers;

namespace Strata.MySql.Runtime;

/// <summary>Reads MySQL's stored forms: DATETIME and TIMESTAMP as UTC (Prisma writes UTC), TIME as a time of 1970-01-01.</summary>
internal sealed class MySqlRowReader : RowReader
{
    public override DateTime DateTime(DbDataReader reader, int ordinal)
    {
        if (reader.GetFieldType(ordinal) == typeof(TimeSpan))
            return System.DateTime.SpecifyKind(System.DateTime.UnixEpoch + reader.GetFieldValue<TimeSpan>(ordinal), DateTimeKind.Utc);
        return System.DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
    }

    public override string NativeText(DbDataReader reader, int ordinal) =>
        Convert.ToString(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
