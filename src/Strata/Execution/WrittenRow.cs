using System.Collections;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Strata.Metadata;
using Strata.Providers;
using Strata.Queries;

namespace Strata.Execution;

/// <summary>
/// The row an INSERT has just written, as the driver would read it back: each value in its stored
/// form (<see cref="SqlDialect.StoredForm"/>). The model's generated reader reads the record from it
/// with the provider's <see cref="RowReader"/>, so the record is the one a read of the row gives,
/// without that read. Only where the dialect says every value reads back as written.
/// </summary>
internal sealed class WrittenRow : DbDataReader
{
    private readonly object[] _values;

    private WrittenRow(object[] values) => _values = values;

    /// <summary>
    /// True when the record of an INSERT of <paramref name="row"/> into <paramref name="columns"/> can be
    /// made from the values: every returned column is written with a value that reads back as written,
    /// or is the autoincrement key (the row id).
    /// </summary>
    public static bool CanMake(SqlDialect dialect, ModelInfo model, IReadOnlyList<ColumnInfo> columns, object?[] row, ColumnSet returning)
    {
        int written = 0;
        foreach (var column in model.Columns)
        {
            bool isWritten = written < columns.Count && columns[written].Index == column.Index;
            object? value = isWritten ? row[written++] : null;
            if (!returning.Has(column.Index)) continue;
            if (isWritten ? !dialect.ReadsBackAsWritten(column, value) : !IsRowId(model, column)) return false;
        }
        return true;
    }

    /// <summary>
    /// The record of the INSERT, after it ran: <paramref name="rowId"/> is the key the database gave the
    /// autoincrement column. <paramref name="columns"/> are in model order, as <see cref="RowBuilder.InsertColumns"/> makes them.
    /// </summary>
    public static IStrataEntity Read(SqlDialect dialect, ModelInfo model, IReadOnlyList<ColumnInfo> columns, object?[] row, ColumnSet returning, long rowId)
    {
        int count = 0;
        foreach (var column in model.Columns)
            if (returning.Has(column.Index)) count++;
        var values = new object[count];
        int written = 0, at = 0;
        foreach (var column in model.Columns)
        {
            bool isWritten = written < columns.Count && columns[written].Index == column.Index;
            object? value = isWritten ? row[written++] : null;
            if (!returning.Has(column.Index)) continue;
            values[at++] = isWritten ? dialect.StoredForm(SqlWriter.ParameterFor(column, value)) : rowId;
        }
        using var reader = new WrittenRow(values);
        return model.Reader.ReadEntity(reader, returning, dialect.Values);
    }

    /// <summary>The one column a row id fills: the single-column primary key, autoincrement.</summary>
    private static bool IsRowId(ModelInfo model, ColumnInfo column) =>
        column.Default == DefaultKind.Autoincrement && model.PrimaryKey is { Columns: [var key] } && key == column.Index;

    private object Value(int ordinal) => _values[ordinal];

    /// <inheritdoc />
    public override bool IsDBNull(int ordinal) => Value(ordinal) is DBNull;

    /// <inheritdoc />
    public override object GetValue(int ordinal) => Value(ordinal);

    /// <inheritdoc />
    /// <remarks>As SQLite's storage classes are read: every integer as a long, every real as a double.</remarks>
    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
    public override Type GetFieldType(int ordinal) => Value(ordinal) switch
    {
        int or long or short or byte => typeof(long),
        float or double => typeof(double),
        string => typeof(string),
        byte[] => typeof(byte[]),
        DBNull => typeof(DBNull),
        _ => typeof(object),
    };

    /// <inheritdoc />
    public override bool GetBoolean(int ordinal) => Value(ordinal) is bool b ? b : GetInt64(ordinal) != 0;

    /// <inheritdoc />
    public override byte GetByte(int ordinal) => Convert.ToByte(Value(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override short GetInt16(int ordinal) => Convert.ToInt16(Value(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override int GetInt32(int ordinal) => Convert.ToInt32(Value(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override long GetInt64(int ordinal) => Convert.ToInt64(Value(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override float GetFloat(int ordinal) => Convert.ToSingle(Value(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override double GetDouble(int ordinal) => Convert.ToDouble(Value(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override decimal GetDecimal(int ordinal) => Convert.ToDecimal(Value(ordinal), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string GetString(int ordinal) => Convert.ToString(Value(ordinal), CultureInfo.InvariantCulture)!;

    /// <inheritdoc />
    public override char GetChar(int ordinal) => GetString(ordinal)[0];

    /// <inheritdoc />
    public override DateTime GetDateTime(int ordinal) => (DateTime)Value(ordinal);

    /// <inheritdoc />
    public override Guid GetGuid(int ordinal) => Value(ordinal) is Guid g ? g : Guid.Parse(GetString(ordinal));

    /// <inheritdoc />
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        Copy((byte[])Value(ordinal), dataOffset, buffer, bufferOffset, length);

    /// <inheritdoc />
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        Copy(GetString(ordinal).ToCharArray(), dataOffset, buffer, bufferOffset, length);

    private static long Copy<T>(T[] source, long offset, T[]? buffer, int bufferOffset, int length)
    {
        if (buffer == null) return source.Length;
        int count = (int)Math.Max(0, Math.Min(length, source.Length - offset));
        Array.Copy(source, offset, buffer, bufferOffset, count);
        return count;
    }

    /// <inheritdoc />
    public override int GetValues(object[] values)
    {
        int count = Math.Min(values.Length, _values.Length);
        for (int i = 0; i < count; i++) values[i] = Value(i);
        return count;
    }

    /// <inheritdoc />
    public override int FieldCount => _values.Length;

    /// <inheritdoc />
    public override object this[int ordinal] => GetValue(ordinal);

    /// <inheritdoc />
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <inheritdoc />
    public override string GetName(int ordinal) => "c" + ordinal.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override int GetOrdinal(string name) => throw new IndexOutOfRangeException($"The written row has no column named {name}.");

    /// <inheritdoc />
    public override string GetDataTypeName(int ordinal) => GetFieldType(ordinal).Name;

    /// <inheritdoc />
    public override int Depth => 0;

    /// <inheritdoc />
    public override bool HasRows => true;

    /// <inheritdoc />
    public override bool IsClosed => false;

    /// <inheritdoc />
    public override int RecordsAffected => 1;

    /// <inheritdoc />
    public override bool NextResult() => false;

    /// <inheritdoc />
    /// <remarks>The reader stands on its one row from the start; there is no other.</remarks>
    public override bool Read() => false;

    /// <inheritdoc />
    public override IEnumerator GetEnumerator()
    {
        yield return this;
    }
}
