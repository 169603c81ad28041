using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using Strata.Metadata;
using Strata.Providers;
using Strata.Queries;

namespace Strata;

/// <summary>
/// The values of raw SQL: what a hole's C# value is bound as, and how a result column is read as a
/// C# type. Columns are read by their stored form (SQLite's integers, PostgreSQL's types), so a
/// <c>COUNT(*)</c> (a 64-bit integer on both) reads as an <c>int</c> when it fits.
/// </summary>
public static class RawValues
{
    /// <summary>The bound form of a hole's value; <paramref name="type"/> is its declared type (null for a null list item).</summary>
    internal static QueryParameter Parameter(object? value, Type? type)
    {
        var declared = type == null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (value is DateTimeOffset offset) return new QueryParameter(ScalarKind.DateTime, null, offset.UtcDateTime);
        if (value is Guid guid) return new QueryParameter(ScalarKind.String, null, guid.ToString("D"));
        if (value is Enum e) return RawRows.EnumParameter(e);
        if (declared != null && declared.IsEnum) return RawRows.EnumParameter(declared, value);
        var kind = KindOf(value?.GetType() ?? declared);
        return new QueryParameter(kind, null, value switch
        {
            short or byte or sbyte or ushort => Convert.ToInt32(value, CultureInfo.InvariantCulture),
            uint or ulong => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            float f => (double)f,
            char c => c.ToString(),
            _ => value,
        });
    }

    private static ScalarKind KindOf(Type? type) => type switch
    {
        null => ScalarKind.String,
        _ when type == typeof(string) || type == typeof(char) || type == typeof(Guid) => ScalarKind.String,
        _ when type == typeof(int) || type == typeof(short) || type == typeof(byte) || type == typeof(sbyte) || type == typeof(ushort) => ScalarKind.Int,
        _ when type == typeof(long) || type == typeof(uint) || type == typeof(ulong) => ScalarKind.BigInt,
        _ when type == typeof(double) || type == typeof(float) => ScalarKind.Float,
        _ when type == typeof(decimal) => ScalarKind.Decimal,
        _ when type == typeof(bool) => ScalarKind.Boolean,
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => ScalarKind.DateTime,
        _ when type == typeof(byte[]) => ScalarKind.Bytes,
        _ when typeof(JsonNode).IsAssignableFrom(type) => ScalarKind.Json,
        _ => throw new ArgumentException(
            $"A raw SQL hole takes text, a number, a Boolean, a DateTime, a Guid, byte[], a JsonNode, a schema enum or a list of them; {type.Name} is none of these."),
    };

    /// <summary>True for the types <see cref="Read{T}"/> reads from one column (so a raw query of them reads the first column of each row).</summary>
    public static bool IsScalar<T>() => IsScalar(typeof(T));

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) || type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(double)
            || type == typeof(float) || type == typeof(decimal) || type == typeof(bool) || type == typeof(DateTime) || type == typeof(Guid)
            || type == typeof(byte[]) || type == typeof(JsonNode) || type.IsEnum;
    }

    /// <summary>
    /// Column <paramref name="ordinal"/> of the current row as <typeparamref name="T"/>: null for a NULL
    /// when <typeparamref name="T"/> takes one (a reference or nullable type), else an error that names the
    /// column. Generated raw-row readers call this for each member.
    /// </summary>
    public static T Read<T>(DbDataReader reader, int ordinal, RowReader values)
    {
        if (reader.IsDBNull(ordinal))
        {
            if (default(T) == null) return default!;
            throw new StrataException(ErrorCodes.InconsistentData,
                $"Column \"{reader.GetName(ordinal)}\" is NULL, which {typeof(T).Name} cannot hold: make the member nullable.");
        }
        try
        {
            return ReadValue<T>(reader, ordinal, values);
        }
        catch (OverflowException e)
        {
            throw new ValueOutOfRangeException(ErrorCodes.ValueOutOfRange, $"Column \"{reader.GetName(ordinal)}\" holds a value that does not fit {Name<T>()}: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or NotSupportedException)
        {
            throw new StrataException(ErrorCodes.InconsistentData, $"Column \"{reader.GetName(ordinal)}\" cannot be read as {Name<T>()}: {e.Message}", e);
        }
    }

    /// <summary>Like <see cref="Read{T}"/>, for a member that does not take null (a non-nullable reference type): a NULL is an error.</summary>
    public static T ReadRequired<T>(DbDataReader reader, int ordinal, RowReader values) where T : class
    {
        if (reader.IsDBNull(ordinal))
            throw new StrataException(ErrorCodes.InconsistentData,
                $"Column \"{reader.GetName(ordinal)}\" is NULL, and its member is not nullable: declare it {typeof(T).Name}?.");
        return Read<T>(reader, ordinal, values);
    }

    private static string Name<T>() => (Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T)).Name;

    /// <summary>The typed read; each branch is a test on <typeparamref name="T"/> that the JIT settles per value type.</summary>
    private static T ReadValue<T>(DbDataReader r, int o, RowReader v)
    {
        if (typeof(T) == typeof(int) || typeof(T) == typeof(int?)) return (T)(object)(r.GetFieldType(o) == typeof(int) ? r.GetInt32(o) : checked((int)ToInt64(r, o)));
        if (typeof(T) == typeof(long) || typeof(T) == typeof(long?)) return (T)(object)ToInt64(r, o);
        if (typeof(T) == typeof(short) || typeof(T) == typeof(short?)) return (T)(object)checked((short)ToInt64(r, o));
        if (typeof(T) == typeof(double) || typeof(T) == typeof(double?)) return (T)(object)(r.GetFieldType(o) == typeof(double) ? r.GetDouble(o) : Convert.ToDouble(r.GetValue(o), CultureInfo.InvariantCulture));
        if (typeof(T) == typeof(float) || typeof(T) == typeof(float?)) return (T)(object)(float)Convert.ToDouble(r.GetValue(o), CultureInfo.InvariantCulture);
        if (typeof(T) == typeof(decimal) || typeof(T) == typeof(decimal?)) return (T)(object)ToDecimal(r, o, v);
        if (typeof(T) == typeof(bool) || typeof(T) == typeof(bool?)) return (T)(object)(r.GetFieldType(o) == typeof(bool) ? r.GetBoolean(o) : ToInt64(r, o) != 0);
        if (typeof(T) == typeof(DateTime) || typeof(T) == typeof(DateTime?)) return (T)(object)v.DateTime(r, o);
        if (typeof(T) == typeof(Guid) || typeof(T) == typeof(Guid?)) return (T)(object)(r.GetFieldType(o) == typeof(Guid) ? r.GetGuid(o) : Guid.Parse(r.GetString(o)));
        if (typeof(T) == typeof(string)) return (T)(object)(r.GetFieldType(o) == typeof(string) ? r.GetString(o) : Text(r.GetValue(o)));
        if (typeof(T) == typeof(byte[])) return (T)(object)v.Bytes(r, o);
        if (typeof(T) == typeof(JsonNode)) return (T)(object)v.Json(r, o)!;
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (type.IsEnum) return (T)RawRows.EnumValue(type, r.GetString(o));
        throw new StrataException(ErrorCodes.InvalidQuery, $"Raw SQL cannot read a column as {type.Name}.");
    }

    private static long ToInt64(DbDataReader r, int o)
    {
        var type = r.GetFieldType(o);
        if (type == typeof(long)) return r.GetInt64(o);
        if (type == typeof(int)) return r.GetInt32(o);
        var value = r.GetValue(o);
        // A REAL or numeric with a fraction would be rounded by Convert: refuse it instead.
        if (value is double d && d != Math.Floor(d)) throw new InvalidCastException($"{d.ToString(CultureInfo.InvariantCulture)} is not a whole number.");
        if (value is decimal m && m != decimal.Floor(m)) throw new InvalidCastException($"{m.ToString(CultureInfo.InvariantCulture)} is not a whole number.");
        return Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private static decimal ToDecimal(DbDataReader r, int o, RowReader v)
    {
        var type = r.GetFieldType(o);
        if (type == typeof(decimal) || type == typeof(string)) return v.Decimal(r, o);
        return Convert.ToDecimal(r.GetValue(o), CultureInfo.InvariantCulture);
    }

    private static string Text(object value) => value switch
    {
        Guid g => g.ToString("D"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
