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
    private readonly int _count;

    private WrittenRow(object[] values, int count)
    {
        _values = values;
        _count = count;
    }

    /// <summary>
    /// The stored forms of the returned columns of an INSERT of <paramref name="row"/> into
    /// <paramref name="columns"/> (in model order, as <see cref="RowBuilder.InsertColumns"/> makes them),
    /// with <paramref name="rowIdAt"/> left for the autoincrement key; or null when a returned column is
    /// neither written with a value that reads back as written nor that key, and the row must be read back.
    /// </summary>
    public static WrittenRow? TryMake(SqlDialect dialect, ModelInfo model, IReadOnlyList<ColumnInfo> columns, object?[] row, ColumnSet returning, out int rowIdAt)
    {
        rowIdAt = -1;
        var values = new object[model.Columns.Length];
        int written = 0, at = 0;
        foreach (var column in model.Columns)
        {
            bool isWritten = written < columns.Count && columns[written].Index == column.Index;
            object? value = isWritten ? row[written++] : null;
            if (!returning.Has(column.Index)) continue;
            if (isWritten && dialect.ReadsBackAsWritten(column, value)) values[at] = dialect.StoredForm(SqlWriter.ParameterFor(column, value));
            else if (!isWritten && IsRowId(model, column)) rowIdAt = at;
            else return null;
            at++;
        }
        return new WrittenRow(values, at);
    }

    /// <summary>The record, once the INSERT ran: <paramref name="rowId"/> is the key the database gave the autoincrement column at <paramref name="rowIdAt"/>.</summary>
    public IStrataEntity Read(ModelInfo model, ColumnSet returning, RowReader values, int rowIdAt, long rowId)
    {
        if (rowIdAt >= 0) _values[rowIdAt] = rowId;
        return model.Reader.ReadEntity(this, returning, values);
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
        int count = Math.Min(values.Length, _count);
        for (int i = 0; i < count; i++) values[i] = Value(i);
        return count;
    }

    /// <inheritdoc />
    public override int FieldCount => _count;

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
