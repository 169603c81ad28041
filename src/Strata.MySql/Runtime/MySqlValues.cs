using System.Globalization;
using System.Text.Json.Nodes;
using MySqlConnector;
using Strata.Metadata;
using Strata.Queries;

namespace Strata.MySql.Runtime;

/// <summary>Converts C# values to typed MySqlConnector parameters, as the columns Prisma's MySQL migrations create store them.</summary>
internal static class MySqlValues
{
    public static void Bind(MySqlParameter p, QueryParameter parameter)
    {
        var (type, value) = Convert(parameter);
        p.MySqlDbType = type;
        p.Value = value;
    }

    private static (MySqlDbType, object) Convert(QueryParameter parameter)
    {
        var value = parameter.Value;
        if (value == null) return (MySqlDbType.VarChar, DBNull.Value);
        return parameter.Kind switch
        {
            ScalarKind.String => (MySqlDbType.VarChar, value),
            ScalarKind.Int => (MySqlDbType.Int32, value),
            ScalarKind.BigInt => (MySqlDbType.Int64, value),
            ScalarKind.Float => (MySqlDbType.Double, value is double d && !double.IsFinite(d)
                ? throw new ValueOutOfRangeException(ErrorCodes.ValueOutOfRange, $"MySQL cannot store {d.ToString(CultureInfo.InvariantCulture)}{Of(parameter)}: a DOUBLE holds finite numbers only. Nothing was written.", null)
                : value),
            ScalarKind.Decimal => (MySqlDbType.NewDecimal, System.Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
            ScalarKind.Boolean => (MySqlDbType.Bool, value),
            ScalarKind.DateTime => (MySqlDbType.DateTime, ToUtc((DateTime)value)),
            ScalarKind.Json => (MySqlDbType.JSON, value is string text ? text : MySqlJson.Write((JsonNode)value)),
            ScalarKind.Bytes => (MySqlDbType.LongBlob, value),
            ScalarKind.Enum => (MySqlDbType.VarChar, value is string name ? name : parameter.Column!.EnumMapping!.ToDatabase(value)),
            _ => (MySqlDbType.VarChar, value),
        };
    }

    /// <summary>
    /// DATETIME has no zone: Prisma stores UTC, and so does Strata; a local time is converted first. Whole
    /// milliseconds, as Prisma keeps them: MySQL would round a finer value into DATETIME(3) and compare a
    /// filter's finer value with the stored one as it is.
    /// </summary>
    private static DateTime ToUtc(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Unspecified);
    }

    /// <summary>" in field" for messages, when the parameter belongs to a column.</summary>
    private static string Of(QueryParameter parameter) => parameter.Column is { } c ? " in " + c.FieldName : "";
}
