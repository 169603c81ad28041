using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text;
using MySqlConnector;
using Strata.Filters;
using Strata.Metadata;
using Strata.Providers;
using Strata.Queries;

namespace Strata.MySql.Runtime;

/// <summary>
/// MySQL's and MariaDB's query dialect: backtick identifiers, named <c>@pN</c> parameters, no
/// RETURNING (records are read back by key, as Prisma does there), INSERT IGNORE for skipped
/// duplicates, nulls ordered by a null test, and integer division by DIV. Text compares by the column's
/// collation: Prisma's tables use utf8mb4_unicode_ci, where case and accents do not matter (docs/providers.md).
/// </summary>
public sealed partial class MySqlDialect : SqlDialect
{
    /// <summary>The shared instance.</summary>
    public static MySqlDialect Instance { get; } = new();

    private MySqlDialect() { }

    /// <inheritdoc />
    public override string Name => "mysql";

    /// <inheritdoc />
    public override RowReader Values { get; } = new MySqlRowReader();

    /// <inheritdoc />
    public override bool NullsFirstAscending => true;

    /// <inheritdoc />
    public override bool HasNullsOrdering => false;

    /// <inheritdoc />
    /// <remarks>MariaDB has RETURNING on INSERT and DELETE since 10.5, never on UPDATE, and MySQL on none: one way for both.</remarks>
    public override bool HasReturning => false;

    /// <inheritdoc />
    public override bool AliasesDeleteTarget => false;

    /// <inheritdoc />
    public override string DoubleType => "DOUBLE";

    /// <inheritdoc />
    public override string InsertInto(bool skipDuplicates) => skipDuplicates ? "INSERT IGNORE INTO " : "INSERT INTO ";

    /// <inheritdoc />
    public override string OnConflictDoNothing => "";

    /// <inheritdoc />
    public override string InsertedRowCount => "ROW_COUNT()";

    /// <inheritdoc />
    public override void WriteLastInsertedRowId(SqlWriter writer) => writer.Sql("LAST_INSERT_ID()");

    /// <inheritdoc />
    /// <remarks>The server's limit for prepared statements; MySqlConnector sends the values in the statement's text.</remarks>
    public override int MaxParameters => 65_535;

    /// <inheritdoc />
    public override void QuoteIdentifier(StringBuilder sql, string name)
    {
        sql.Append('`');
        foreach (char c in name)
        {
            if (c == '`') sql.Append('`');
            sql.Append(c);
        }
        sql.Append('`');
    }

    /// <inheritdoc />
    public override void WritePlaceholder(StringBuilder sql, int index) =>
        sql.Append("@p").Append(index.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public override DbParameter CreateParameter(DbCommand command, int index, QueryParameter parameter)
    {
        var p = new MySqlParameter { ParameterName = "@p" + index.ToString(CultureInfo.InvariantCulture) };
        MySqlValues.Bind(p, parameter);
        return p;
    }

    /// <inheritdoc />
    public override string UnsafeSql(string sql) => UnsafePlaceholders.Rename(sql);

    /// <inheritdoc />
    public override void BindParameter(DbParameter target, QueryParameter parameter) => MySqlValues.Bind((MySqlParameter)target, parameter);

    /// <inheritdoc />
    public override void WriteLimitOffset(SqlWriter writer, int? take, int? skip)
    {
        // MySQL has no OFFSET without LIMIT; its manual's "no limit" is the largest unsigned 64-bit number.
        if (take.HasValue) writer.Sql(" LIMIT ").Parameter(take.Value);
        else if (skip.HasValue) writer.Sql(" LIMIT 18446744073709551615");
        if (skip.HasValue) writer.Sql(" OFFSET ").Parameter(skip.Value);
    }

    /// <inheritdoc />
    /// <remarks>
    /// An integer divided by <c>/</c> is a decimal in MySQL, which the column would round; <c>DIV</c> truncates,
    /// as C# and the other databases do. Out of range, strict mode (the server's default) fails the statement.
    /// </remarks>
    public override void WriteNumberOperation(SqlWriter writer, string? storedRow, ColumnInfo column, NumberOperation operation, object? operand)
    {
        if (operation != NumberOperation.Divide || column.Kind is not (ScalarKind.Int or ScalarKind.BigInt))
        {
            base.WriteNumberOperation(writer, storedRow, column, operation, operand);
            return;
        }
        RefuseDivisionByZero(column, operation, operand);
        if (storedRow != null) writer.Identifier(storedRow).Sql('.');
        writer.Identifier(column.ColumnName).Sql(" DIV ").Parameter(column, operand);
    }

    /// <inheritdoc />
    /// <remarks>In strict mode a division by zero in a write fails it (error 1365, translated to P2020), and only rows that reach it.</remarks>
    protected override void WriteRangeFailure(SqlWriter writer, Action<SqlWriter> result)
    {
        writer.Sql('(');
        result(writer);
        writer.Sql(") / 0");
    }

    /// <inheritdoc />
    public override void WriteInList(SqlWriter writer, string? alias, ColumnInfo column, IList values, bool negate, bool insensitive)
    {
        if (values.Count == 0)
        {
            // IN () is not SQL: nothing is in an empty list.
            writer.Sql(negate ? "1 = 1" : "1 = 0");
            return;
        }
        WriteOperand(writer, alias, column, insensitive);
        writer.Sql(negate ? " NOT IN (" : " IN (");
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0) writer.Sql(", ");
            WriteValue(writer, column, values[i], insensitive);
        }
        writer.Sql(')');
    }

    /// <inheritdoc />
    /// <remarks>The pattern's escape is a backslash, written <c>'\\'</c> in MySQL's string syntax.</remarks>
    public override void WriteTextMatch(SqlWriter writer, string alias, ColumnInfo column, FilterOperator op, string value, bool insensitive)
    {
        WriteOperand(writer, alias, column, insensitive);
        writer.Sql(" LIKE ");
        WriteValue(writer, column, LikePattern(op, value), insensitive);
        writer.Sql(" ESCAPE '\\\\'");
    }

    /// <inheritdoc />
    public override StrataException? Translate(DbException error, ModelInfo? model) => MySqlErrors.Translate(error, model);

    /// <inheritdoc />
    public override StrataException? TranslateConnectionFailure(Exception error) => MySqlErrors.TranslateConnection(error) ?? base.TranslateConnectionFailure(error);
}
