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
public sealed class SqliteDialect : SqlDialect
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
    public override int MaxParameters => 32_766;

    /// <inheritdoc />
    public override void WritePlaceholder(StringBuilder sql, int index) =>
        sql.Append("@p").Append(index.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public override DbParameter CreateParameter(DbCommand command, int index, QueryParameter parameter)
    {
        var p = new SqliteParameter { ParameterName = "@p" + index.ToString(CultureInfo.InvariantCulture) };
        var (type, value) = Convert(parameter);
        p.SqliteType = type;
        p.Value = value;
        return p;
    }

    /// <inheritdoc />
    public override void WriteLimitOffset(SqlWriter writer, int? take, int? skip)
    {
        // SQLite has no OFFSET without LIMIT; -1 means no limit.
        if (take.HasValue) writer.Sql(" LIMIT ").Parameter(take.Value);
        else if (skip.HasValue) writer.Sql(" LIMIT -1");
        if (skip.HasValue) writer.Sql(" OFFSET ").Parameter(skip.Value);
    }

    /// <inheritdoc />
    public override void WriteNumberOperation(SqlWriter writer, string? storedRow, ColumnInfo column, NumberOperation operation, object? operand)
    {
        if (column.Kind != ScalarKind.Int)
        {
            base.WriteNumberOperation(writer, storedRow, column, operation, operand);
            return;
        }
        // SQLite integers are 64-bit; an Int field must stay within 32 bits. Out of range, abs() of the
        // smallest 64-bit integer raises SQLite's "integer overflow", so the statement fails and changes nothing.
        // A null stays null: NOT BETWEEN is then null too, and the ELSE branch keeps it.
        writer.Sql("CASE WHEN ");
        base.WriteNumberOperation(writer, storedRow, column, operation, operand);
        writer.Sql(" NOT BETWEEN -2147483648 AND 2147483647 THEN abs(-9223372036854775807 - 1) ELSE ");
        base.WriteNumberOperation(writer, storedRow, column, operation, operand);
        writer.Sql(" END");
    }

    /// <inheritdoc />
    public override void WriteInList(SqlWriter writer, string? alias, ColumnInfo column, IList values, bool negate, bool insensitive)
    {
        bool asJson = column.Kind is ScalarKind.String or ScalarKind.Enum or ScalarKind.Int or ScalarKind.BigInt;
        WriteOperand(writer, alias, column, insensitive);
        writer.Sql(negate ? " NOT IN (" : " IN (");
        if (asJson)
        {
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
    public override void WriteTextMatch(SqlWriter writer, string alias, ColumnInfo column, FilterOperator op, string value, bool insensitive)
    {
        if (insensitive)
        {
            // LIKE folds ASCII letters, as SQLite's lower() does.
            writer.Column(alias, column).Sql(" LIKE ").Parameter(new QueryParameter(ScalarKind.String, null, LikePattern(op, value))).Sql(" ESCAPE '\\'");
            return;
        }
        // Case-sensitive, by bytes: LIKE would fold case, GLOB and length() stop at NUL characters.
        var needle = new QueryParameter(ScalarKind.String, null, value);
        switch (op)
        {
            case FilterOperator.Contains:
                writer.Sql("instr(CAST(").Column(alias, column).Sql(" AS BLOB), CAST(").Parameter(needle).Sql(" AS BLOB)) > 0");
                break;
            case FilterOperator.StartsWith:
                writer.Sql("instr(CAST(").Column(alias, column).Sql(" AS BLOB), CAST(").Parameter(needle).Sql(" AS BLOB)) = 1");
                break;
            default:
                // The value is at least as long as the suffix and, unless the suffix is empty (substr()
                // of an empty blob is NULL), ends with it. A null value leaves the whole test unknown.
                writer.Sql("(length(CAST(").Column(alias, column).Sql(" AS BLOB)) >= length(CAST(").Parameter(needle).Sql(" AS BLOB)) AND (length(CAST(").Parameter(needle)
                    .Sql(" AS BLOB)) = 0 OR substr(CAST(").Column(alias, column).Sql(" AS BLOB), length(CAST(").Column(alias, column).Sql(" AS BLOB)) - length(CAST(").Parameter(needle)
                    .Sql(" AS BLOB)) + 1) = CAST(").Parameter(needle).Sql(" AS BLOB)))");
                break;
        }
    }

    /// <inheritdoc />
    public override StrataException? Translate(DbException error, ModelInfo? model) => SqliteErrors.Translate(error, model);

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
            ScalarKind.Float => (SqliteType.Real, value),
            ScalarKind.Decimal => (SqliteType.Text, System.Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)),
            ScalarKind.Boolean => (SqliteType.Integer, (bool)value ? 1L : 0L),
            ScalarKind.DateTime => (SqliteType.Integer, ToUnixMilliseconds((DateTime)value)),
            ScalarKind.Json => (SqliteType.Text, value is string text ? text : ((System.Text.Json.Nodes.JsonNode)value).ToJsonString()),
            ScalarKind.Bytes => (SqliteType.Blob, value),
            ScalarKind.Enum => (SqliteType.Text, value is string name ? name : parameter.Column!.EnumMapping!.ToDatabase(value)),
            _ => (SqliteType.Text, value),
        };
    }

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
