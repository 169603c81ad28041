using System.Data.Common;
using System.Text.Json.Nodes;
using Strata.Metadata;
using Strata.Providers;

namespace Strata.Postgres.Runtime;

/// <summary>Reads PostgreSQL's stored forms: timestamps as UTC, uuid and other native text types as text, arrays as lists.</summary>
internal sealed class PostgresRowReader : RowReader
{
    public override DateTime DateTime(DbDataReader reader, int ordinal)
    {
        if (reader.GetFieldType(ordinal) == typeof(TimeSpan))
            return System.DateTime.UnixEpoch + reader.GetFieldValue<TimeSpan>(ordinal);
        return System.DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
    }

    public override decimal Decimal(DbDataReader reader, int ordinal)
    {
        try
        {
            return reader.GetDecimal(ordinal);
        }
        catch (OverflowException)
        {
            // Queries trim the scale in SQL; raw SQL's numeric(65,30) arrives with 30 places, which Npgsql refuses.
            return PostgresNumeric.Read(reader, ordinal);
        }
    }

    public override string NativeText(DbDataReader reader, int ordinal) =>
        Convert.ToString(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    public override List<T> List<T>(DbDataReader reader, int ordinal, ColumnInfo? column)
    {
        if (typeof(T) == typeof(System.DateTime))
            return (List<T>)(object)reader.GetFieldValue<System.DateTime[]>(ordinal).Select(d => System.DateTime.SpecifyKind(d, DateTimeKind.Utc)).ToList();
        if (typeof(T) == typeof(JsonNode))
            return (List<T>)(object)reader.GetFieldValue<string[]>(ordinal).Select(s => JsonNode.Parse(s)!).ToList();
        return reader.GetFieldValue<List<T>>(ordinal);
    }
}
