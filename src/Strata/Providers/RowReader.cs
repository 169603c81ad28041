using System.Data.Common;
using System.Text.Json.Nodes;
using Strata.Metadata;

namespace Strata.Providers;

/// <summary>
/// Reads the values whose stored form differs by database. Generated readers call
/// <see cref="DbDataReader"/>'s typed getters directly for text, integers, doubles and Booleans,
/// and these methods for the rest.
/// </summary>
public abstract class RowReader
{
    /// <summary>A UTC <see cref="System.DateTime"/>.</summary>
    public abstract DateTime DateTime(DbDataReader reader, int ordinal);

    /// <summary>A decimal.</summary>
    public virtual decimal Decimal(DbDataReader reader, int ordinal) => reader.GetDecimal(ordinal);

    /// <summary>Binary data.</summary>
    public virtual byte[] Bytes(DbDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal);

    /// <summary>A JSON document.</summary>
    public virtual JsonNode? Json(DbDataReader reader, int ordinal) => JsonNode.Parse(reader.GetString(ordinal));

    /// <summary>Text stored in a column with a native type that the driver does not read as text (PostgreSQL <c>uuid</c>).</summary>
    public virtual string NativeText(DbDataReader reader, int ordinal) => reader.GetString(ordinal);

    /// <summary>An enum value by its stored name.</summary>
    public TEnum Enum<TEnum>(DbDataReader reader, int ordinal, EnumMapping<TEnum> mapping) where TEnum : struct, Enum =>
        mapping.FromName(reader.GetString(ordinal));

    /// <summary>A list of enum values (PostgreSQL arrays of an enum type).</summary>
    public List<TEnum> EnumList<TEnum>(DbDataReader reader, int ordinal, EnumMapping<TEnum> mapping) where TEnum : struct, Enum =>
        List<string>(reader, ordinal, null).ConvertAll(mapping.FromName);

    /// <summary>A scalar list (PostgreSQL arrays).</summary>
    public virtual List<T> List<T>(DbDataReader reader, int ordinal, ColumnInfo? column) =>
        throw new StrataException(ErrorCodes.InvalidQuery, $"Scalar lists need PostgreSQL ({column?.FieldName ?? "a list field"}).");
}
