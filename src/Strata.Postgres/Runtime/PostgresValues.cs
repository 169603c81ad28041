using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;
using Strata.Metadata;
using Strata.Queries;

namespace Strata.Postgres.Runtime;

/// <summary>Converts C# values to typed Npgsql parameters, as the columns Prisma's migrations create store them.</summary>
internal static class PostgresValues
{
    public static bool IsArray(QueryParameter parameter) =>
        parameter.IsList || parameter.Value is IList and not byte[];

    public static void Bind(NpgsqlParameter p, QueryParameter parameter)
    {
        bool array = IsArray(parameter);
        var column = parameter.Column;
        var type = TypeOf(parameter.Kind, column);
        if (parameter.Value == null)
        {
            p.NpgsqlDbType = array ? NpgsqlDbType.Array | type : type;
            p.Value = DBNull.Value;
            return;
        }
        if (array)
        {
            p.NpgsqlDbType = NpgsqlDbType.Array | type;
            p.Value = ToArray(parameter.Kind, column, (IList)parameter.Value);
            return;
        }
        p.NpgsqlDbType = type;
        p.Value = ToStored(parameter.Kind, column, parameter.Value);
    }

    public static NpgsqlDbType TypeOf(ScalarKind kind, ColumnInfo? column) => kind switch
    {
        ScalarKind.String when column?.NativeType is { } native && !IsTextType(native) => NpgsqlDbType.Unknown,
        ScalarKind.String or ScalarKind.Enum => NpgsqlDbType.Text,
        ScalarKind.Int => NpgsqlDbType.Integer,
        ScalarKind.BigInt => NpgsqlDbType.Bigint,
        ScalarKind.Float => NpgsqlDbType.Double,
        ScalarKind.Decimal => NpgsqlDbType.Numeric,
        ScalarKind.Boolean => NpgsqlDbType.Boolean,
        ScalarKind.DateTime => column?.NativeType switch
        {
            "Timestamptz" => NpgsqlDbType.TimestampTz,
            "Date" => NpgsqlDbType.Date,
            "Time" => NpgsqlDbType.Time,
            _ => NpgsqlDbType.Timestamp,
        },
        ScalarKind.Json => column?.NativeType == "Json" ? NpgsqlDbType.Json : NpgsqlDbType.Jsonb,
        ScalarKind.Bytes => NpgsqlDbType.Bytea,
        _ => NpgsqlDbType.Unknown,
    };

    public static bool CanCopy(ColumnInfo column) =>
        !column.IsList && column.Kind != ScalarKind.Enum && TypeOf(column.Kind, column) != NpgsqlDbType.Unknown && column.NativeType is null or "Timestamptz" or "Timestamp" or "Text" or "VarChar";

    public static object ToStored(ScalarKind kind, ColumnInfo? column, object value) => kind switch
    {
        // A value already of its type is passed on as it is, not unboxed and boxed again.
        ScalarKind.Int => value is int ? value : Convert.ToInt32(value, CultureInfo.InvariantCulture),
        ScalarKind.BigInt => value is long ? value : Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ScalarKind.DateTime => ToStoredDateTime((DateTime)value, column?.NativeType),
        ScalarKind.Json => value is string text ? text : ((JsonNode)value).ToJsonString(),
        ScalarKind.Enum => value is string name ? name : column!.EnumMapping!.ToDatabase(value),
        _ => value,
    };

    private static Array ToArray(ScalarKind kind, ColumnInfo? column, IList values) => kind switch
    {
        ScalarKind.Int => ConvertAll<int>(kind, column, values),
        ScalarKind.BigInt => ConvertAll<long>(kind, column, values),
        ScalarKind.String or ScalarKind.Enum or ScalarKind.Json => ConvertAll<string>(kind, column, values),
        ScalarKind.Float => ConvertAll<double>(kind, column, values),
        ScalarKind.Decimal => ConvertAll<decimal>(kind, column, values),
        ScalarKind.Boolean => ConvertAll<bool>(kind, column, values),
        ScalarKind.DateTime => ConvertAll<DateTime>(kind, column, values),
        ScalarKind.Bytes => ConvertAll<byte[]>(kind, column, values),
        _ => ConvertAll<object>(kind, column, values),
    };

    private static T[] ConvertAll<T>(ScalarKind kind, ColumnInfo? column, IList values)
    {
        var array = new T[values.Count];
        for (int i = 0; i < array.Length; i++) array[i] = (T)ToStored(kind, column, values[i]!);
        return array;
    }

    internal static DateTime ToStoredDateTime(DateTime value, string? nativeType)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        // Prisma's DateTime is timestamp(3), which would round sub-millisecond ticks; SQLite keeps whole
        // milliseconds by truncating. Truncating here too gives both providers the same stored values and
        // the same comparisons. A @db.Timestamp(n) column keeps what its precision holds.
        if (nativeType == null) utc = new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        // timestamp (without time zone) holds UTC wall-clock time, as Prisma writes it; Npgsql wants it Unspecified.
        return nativeType == "Timestamptz" ? utc : DateTime.SpecifyKind(utc, DateTimeKind.Unspecified);
    }

    private static bool IsTextType(string native) => native is "Text" or "VarChar" or "Char";
}
