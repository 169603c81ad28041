using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Strata.Filters;
using Strata.Metadata;
using Strata.Providers;
using Strata.Queries;

namespace Strata.Sqlite.Runtime;

/// <summary>
/// SQLite's query dialect. Values are stored as Prisma stores them: DateTime as integer
/// milliseconds since 1970 (UTC), Boolean as 0/1, Json as text, enums as their names.
/// </summary>
public sealed partial class SqliteDialect : SqlDialect
{
    /// <summary>The shared instance.</summary>
    public static SqliteDialect Instance { get; } = new();

    private SqliteDialect() { }

    /// <inheritdoc />
    public override string Name => "sqlite";

    /// <inheritdoc />
    public override RowReader Values { get; } = new SqliteRowReader();

    /// <inheritdoc />
    public override bool NullsFirstAscending => true;

    /// <inheritdoc />
    /// <remarks>
    /// Only Serializable: SQLite runs one writer at a time, and a transaction of the client takes the write
    /// lock when it begins (Microsoft.Data.Sqlite's BEGIN IMMEDIATE). The driver would run ReadCommitted
    /// and RepeatableRead as Serializable without a word; a level asked for and not given is refused instead.
    /// </remarks>
    public override IReadOnlyList<System.Data.IsolationLevel> IsolationLevels { get; } = [System.Data.IsolationLevel.Serializable];

    /// <inheritdoc />
    /// <remarks>
    /// Microsoft.Data.Sqlite binds parameters by name, and SQLite finds a name by scanning the
    /// statement's names, so binding n values costs n²: 10,000 rows in statements of 12,000 values
    /// took 15 s here. Measured on 10,000 rows of 5 columns: 16 values a statement 0.8 s, 32 0.4 s,
    /// 64 0.5 s, 256 1.2 s, 1,000 2.8 s; the rest is per-statement work that prepared statements will remove.
    /// </remarks>
    public override int InsertParameters => 64;

    /// <inheritdoc />
    /// <remarks>
    /// A statement costs no round trip in SQLite, and a kept one-row INSERT binds only its own row's
    /// values, so no name scan grows with the batch: as fast as hand-written prepared INSERTs (docs/benchmarks.md).
    /// </remarks>
    public override bool InsertsRowByRow => true;

    /// <inheritdoc />
    /// <remarks>
    /// SQLite's RETURNING gathers the rows it returns before the first is read: measured on a row of
    /// thirteen columns in plain Microsoft.Data.Sqlite code, INSERT ... RETURNING took 20 µs, and
    /// "INSERT ...; SELECT ... WHERE id = last_insert_rowid()" in one command 8.5 µs. Only for the
    /// records that <see cref="ReadsBackAsWritten"/> cannot make from their values.
    /// </remarks>
    public override bool SelectsInsertedRow => true;

    /// <inheritdoc />
    /// <remarks>An autoincrement key in SQLite is the rowid, which SQLite keeps per connection.</remarks>
    public override void WriteLastInsertedRowId(SqlWriter writer) => writer.Sql("last_insert_rowid()");

    /// <inheritdoc />
    /// <remarks>
    /// Reading the row back after the INSERT doubled the time of a Create (docs/benchmarks.md). The
    /// columns of Prisma's SQLite tables keep what is bound to them: TEXT holds text, INTEGER,
    /// BOOLEAN and DATETIME hold integers, BLOB bytes, REAL doubles, except -0.0, which REAL stores as
    /// 0. Decimal (NUMERIC affinity turns "1.50" into 1.5) and Json (stored reformatted) are read back.
    /// </remarks>
    public override bool ReadsBackAsWritten(ColumnInfo column, object? value) =>
        !column.IsList && column.Kind switch
        {
            ScalarKind.String or ScalarKind.Int or ScalarKind.BigInt or ScalarKind.Boolean or ScalarKind.DateTime
                or ScalarKind.Bytes or ScalarKind.Enum => true,
            ScalarKind.Float => value is not double d || !(d == 0 && double.IsNegative(d)),
            _ => false,
        };

    /// <inheritdoc />
    public override object StoredForm(QueryParameter parameter) => Convert(parameter).Item2;

    /// <inheritdoc />
    /// <remarks>SQLite keeps it per connection, so no other connection's INSERT can change it.</remarks>
    public override long LastInsertedRowId(DbConnection connection) =>
        SQLitePCL.raw.sqlite3_last_insert_rowid(((SqliteConnection)connection).Handle);

    /// <inheritdoc />
    public override int MaxParameters => 32_766;

    /// <inheritdoc />
    public override void WritePlaceholder(StringBuilder sql, int index) =>
        sql.Append("@p").Append(index.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public override DbParameter CreateParameter(DbCommand command, int index, QueryParameter parameter)
    {
        var p = new SqliteParameter { ParameterName = "@p" + index.ToString(CultureInfo.InvariantCulture) };
        BindParameter(p, parameter);
        return p;
    }

    /// <inheritdoc />
    public override void NameUnsafeParameter(DbParameter parameter, int index) =>
        parameter.ParameterName = "$" + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override void BindParameter(DbParameter target, QueryParameter parameter)
    {
        var (type, value) = Convert(parameter);
        var p = (SqliteParameter)target;
        p.SqliteType = type;
        p.Value = value;
    }

    /// <inheritdoc />
    public override void WriteLimitOffset(SqlWriter writer, int? take, int? skip)
    {
        // SQLite has no OFFSET without LIMIT; -1 means no limit. A bare "LIMIT ?" makes SQLite compile
        // the statement again on every run (its planner looks at the bound value): measured 15 µs instead
        // of 4 µs for one row of thirteen columns. Behind a cast the value is only read at run time.
        if (take.HasValue) writer.Sql(" LIMIT CAST(").Parameter(take.Value).Sql(" AS INTEGER)");
        else if (skip.HasValue) writer.Sql(" LIMIT -1");
        if (skip.HasValue) writer.Sql(" OFFSET ").Parameter(skip.Value);
    }

    /// <inheritdoc />
    public override void WriteNumberOperation(SqlWriter writer, string? storedRow, ColumnInfo column, NumberOperation operation, object? operand)
    {
        if (column.Kind is not (ScalarKind.Int or ScalarKind.BigInt))
        {
            base.WriteNumberOperation(writer, storedRow, column, operation, operand);
            return;
        }
        RefuseDivisionByZero(column, operation, operand);
        // SQLite integers are 64-bit and turn REAL when a result overflows; an Int field must also stay
        // within 32 bits. Out of range the statement fails, so nothing changes. A null stays null: the
        // test is then null too, and the ELSE branch keeps it.
        writer.Sql("CASE WHEN ");
        if (column.Kind == ScalarKind.Int)
        {
            WriteArithmetic(writer, storedRow, column, operation, operand);
            writer.Sql(" NOT BETWEEN -2147483648 AND 2147483647");
        }
        else
        {
            writer.Sql("typeof(");
            WriteArithmetic(writer, storedRow, column, operation, operand);
            writer.Sql(") = 'real'");
        }
        writer.Sql(" THEN ");
        WriteRangeFailure(writer, w => WriteArithmetic(w, storedRow, column, operation, operand));
        writer.Sql(" ELSE ");
        WriteArithmetic(writer, storedRow, column, operation, operand);
        writer.Sql(" END");
    }

    /// <inheritdoc />
    /// <remarks>abs() of the smallest 64-bit integer raises SQLite's "integer overflow", which is translated to P2020.</remarks>
    protected override void WriteRangeFailure(SqlWriter writer, Action<SqlWriter> result) => writer.Sql("abs(-9223372036854775807 - 1)");

    /// <inheritdoc />
    public override void WriteInList(SqlWriter writer, string? alias, ColumnInfo column, IList values, bool negate, bool insensitive)
    {
        bool asJson = column.Kind is ScalarKind.String or ScalarKind.Enum or ScalarKind.Int or ScalarKind.BigInt;
        WriteOperand(writer, alias, column, insensitive);
        writer.Sql(negate ? " NOT IN (" : " IN (");
        if (asJson)
        {
            // The values travel as one JSON text, where a lone surrogate would hide as an escape: check them first.
            Execution.ValueGuard.Check(new QueryParameter(column.Kind, column, values), null);
            // One parameter whatever the count: a JSON array, unpacked by json_each.
            writer.Sql(insensitive ? "SELECT lower(value) FROM json_each(" : "SELECT value FROM json_each(")
                .Parameter(new QueryParameter(ScalarKind.Json, null, JsonArray(column, values))).Sql("))");
            return;
        }
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0) writer.Sql(", ");
            WriteValue(writer, column, values[i], insensitive);
        }
        writer.Sql(')');
    }

    /// <inheritdoc />
    public override void WriteTextMatch(SqlWriter writer, string alias, ColumnInfo column, FilterOperator op, string value, bool insensitive) =>
        WriteBytesMatch(writer, w => w.Column(alias, column), op, value, insensitive);

    /// <summary>Writes contains / starts with / ends with of the text <paramref name="text"/> writes, by bytes.</summary>
    private static void WriteBytesMatch(SqlWriter writer, Action<SqlWriter> text, FilterOperator op, string value, bool insensitive)
    {
        // By bytes, not LIKE or GLOB: LIKE folds case and stops at a NUL character, GLOB and length()
        // of text stop at NUL too. Without case, both sides are lowered first (ASCII letters, as LIKE would).
        var needle = new QueryParameter(ScalarKind.String, null, value);
        void Value(SqlWriter w) => Blob(w, insensitive, text);
        void Needle(SqlWriter w) => Blob(w, insensitive, w2 => w2.Parameter(needle));
        switch (op)
        {
            case FilterOperator.Contains:
                writer.Sql("instr(");
                Value(writer);
                writer.Sql(", ");
                Needle(writer);
                writer.Sql(") > 0");
                break;
            case FilterOperator.StartsWith:
                writer.Sql("instr(");
                Value(writer);
                writer.Sql(", ");
                Needle(writer);
                writer.Sql(") = 1");
                break;
            default:
                // The value is at least as long as the suffix and, unless the suffix is empty (substr()
                // of an empty blob is NULL), ends with it. A null value leaves the whole test unknown.
                writer.Sql("(length(");
                Value(writer);
                writer.Sql(") >= length(");
                Needle(writer);
                writer.Sql(") AND (length(");
                Needle(writer);
                writer.Sql(") = 0 OR substr(");
                Value(writer);
                writer.Sql(", length(");
                Value(writer);
                writer.Sql(") - length(");
                Needle(writer);
                writer.Sql(") + 1) = ");
                Needle(writer);
                writer.Sql("))");
                break;
        }
    }

    /// <summary>Writes <c>CAST(x AS BLOB)</c>, or <c>CAST(lower(x) AS BLOB)</c> without case.</summary>
    private static void Blob(SqlWriter writer, bool lower, Action<SqlWriter> text)
    {
        writer.Sql(lower ? "CAST(lower(" : "CAST(");
        text(writer);
        writer.Sql(lower ? ") AS BLOB)" : " AS BLOB)");
    }

    /// <inheritdoc />
    public override StrataException? Translate(DbException error, ModelInfo? model) => SqliteErrors.Translate(error, model);

    /// <inheritdoc />
    /// <remarks>
    /// The driver retries a busy statement only while it starts; the step that ends a statement
    /// outside a transaction (an INSERT ... RETURNING read to its end commits there) would fail at
    /// once while another connection writes. SQLite's own busy handler waits there too, as long as
    /// the driver would (its default timeout, from the connection string). A native call: no SQL.
    /// Double-quoted string literals are read as Prisma's SQLite reads them.
    /// </remarks>
    public override void ConfigureOpened(DbConnection connection)
    {
        var sqlite = (SqliteConnection)connection;
        SQLitePCL.raw.sqlite3_busy_timeout(sqlite.Handle, sqlite.DefaultTimeout * 1000);
        DoubleQuotedStrings.Allow(sqlite);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Full-text search's functions are registered on the connection when a statement first names
    /// them (a search, or raw SQL calling them), not on every open: registering costs an application
    /// that never searches about 20 methods to compile at start-up (docs/benchmarks.md, cold start).
    /// </remarks>
    public override void PrepareNewCommand(DbCommand command)
    {
        if (command.CommandText.Contains(TextSearch.SearchFunctions.Prefix, StringComparison.Ordinal))
            TextSearch.SearchFunctions.Register((SqliteConnection)command.Connection!);
    }

    /// <inheritdoc />
    public override async ValueTask PrepareConnectionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys = ON";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static (SqliteType, object) Convert(QueryParameter parameter)
    {
        var value = parameter.Value;
        if (value == null) return (SqliteType.Text, DBNull.Value);
        return parameter.Kind switch
        {
            ScalarKind.String => (SqliteType.Text, value),
            ScalarKind.Int or ScalarKind.BigInt => (SqliteType.Integer, value),
            ScalarKind.Float => (SqliteType.Real, value is double d && double.IsNaN(d)
                ? throw new ValueOutOfRangeException(ErrorCodes.ValueOutOfRange, $"SQLite cannot store NaN{Of(parameter)}: it would read back as NULL. Nothing was written.", null)
                : value),
            ScalarKind.Decimal => (SqliteType.Text, System.Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)),
            ScalarKind.Boolean => (SqliteType.Integer, (bool)value ? 1L : 0L),
            ScalarKind.DateTime => (SqliteType.Integer, ToUnixMilliseconds((DateTime)value)),
            ScalarKind.Json => (SqliteType.Text, SqliteJson.ToStored(value, parameter)),
            ScalarKind.Bytes => (SqliteType.Blob, value),
            ScalarKind.Enum => (SqliteType.Text, value is string name ? name : parameter.Column!.EnumMapping!.ToDatabase(value)),
            _ => (SqliteType.Text, value),
        };
    }

    /// <summary>" of Model.field" for messages, when the parameter belongs to a column.</summary>
    internal static string Of(QueryParameter parameter) => parameter.Column is { } c ? " in " + c.FieldName : "";

    internal static long ToUnixMilliseconds(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return new DateTimeOffset(utc).ToUnixTimeMilliseconds();
    }

    private static string JsonArray(ColumnInfo column, IList values)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var value in values)
            {
                switch (value)
                {
                    case null: json.WriteNullValue(); break;
                    case string s: json.WriteStringValue(s); break;
                    case int i: json.WriteNumberValue(i); break;
                    case long l: json.WriteNumberValue(l); break;
                    default: json.WriteStringValue(column.EnumMapping!.ToDatabase(value)); break;
                }
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
