using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Strata.Filters;
using Strata.Metadata;
using Strata.Providers;
using Strata.Queries;

namespace Strata.Postgres.Runtime;

/// <summary>
/// PostgreSQL's query dialect: positional <c>$n</c> parameters with explicit types, lists bound
/// as one array parameter (<c>= ANY($1)</c>), ILIKE for case-insensitive matches, scalar-list
/// operators, binary COPY for CreateMany, and enums cast to their type.
/// </summary>
public sealed partial class PostgresDialect : SqlDialect
{
    /// <summary>The shared instance.</summary>
    public static PostgresDialect Instance { get; } = new();

    private PostgresDialect() { }

    /// <inheritdoc />
    public override string Name => "postgresql";

    /// <inheritdoc />
    public override RowReader Values { get; } = new PostgresRowReader();

    /// <inheritdoc />
    public override bool NullsFirstAscending => false;

    /// <inheritdoc />
    /// <remarks>
    /// PostgreSQL runs ReadUncommitted as Read Committed, and Npgsql begins Snapshot as Repeatable Read
    /// (which is PostgreSQL's snapshot isolation).
    /// </remarks>
    public override IReadOnlyList<System.Data.IsolationLevel> IsolationLevels { get; } =
        [System.Data.IsolationLevel.ReadUncommitted, System.Data.IsolationLevel.ReadCommitted, System.Data.IsolationLevel.RepeatableRead,
         System.Data.IsolationLevel.Snapshot, System.Data.IsolationLevel.Serializable];

    /// <inheritdoc />
    public override int MaxParameters => 65_535;

    /// <inheritdoc />
    public override void WritePlaceholder(StringBuilder sql, int index) =>
        sql.Append('$').Append((index + 1).ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public override void WriteParameter(SqlWriter writer, int index, QueryParameter parameter)
    {
        writer.Placeholder(index);
        if (parameter.Column?.EnumMapping is { } mapping)
        {
            // Enums travel as text and are cast to the database's enum type.
            writer.Sql("::").Table(mapping.DatabaseSchema, mapping.DatabaseTypeName);
            if (PostgresValues.IsArray(parameter)) writer.Sql("[]");
        }
    }

    /// <inheritdoc />
    public override void WriteRawParameter(StringBuilder sql, int index, QueryParameter parameter)
    {
        WritePlaceholder(sql, index);
        if (parameter.Column?.EnumMapping is not { } mapping) return;
        sql.Append("::");
        if (mapping.DatabaseSchema != null)
        {
            QuoteIdentifier(sql, mapping.DatabaseSchema);
            sql.Append('.');
        }
        QuoteIdentifier(sql, mapping.DatabaseTypeName);
    }

    /// <inheritdoc />
    public override DbParameter CreateParameter(DbCommand command, int index, QueryParameter parameter)
    {
        var p = new NpgsqlParameter();
        PostgresValues.Bind(p, parameter);
        return p;
    }

    /// <inheritdoc />
    public override void BindParameter(DbParameter target, QueryParameter parameter) => PostgresValues.Bind((NpgsqlParameter)target, parameter);

    /// <inheritdoc />
    public override void WriteSelectColumn(SqlWriter writer, string? alias, ColumnInfo column)
    {
        // Prisma's Decimal is numeric(65,30): drop the trailing zeros so values fit System.Decimal's 28 places.
        if (column.Kind != ScalarKind.Decimal || column.IsList)
        {
            writer.Column(alias, column);
            return;
        }
        writer.Sql("trim_scale(").Column(alias, column).Sql(") AS ").Identifier(column.ColumnName);
    }

    /// <inheritdoc />
    /// <remarks>Dividing the row's own result by zero raises division_by_zero (translated to P2020) only for rows that reach it; a constant would be folded at planning and fail every statement.</remarks>
    protected override void WriteRangeFailure(SqlWriter writer, Action<SqlWriter> result)
    {
        writer.Sql('(');
        result(writer);
        writer.Sql(") / 0");
    }

    /// <inheritdoc />
    public override void WriteInList(SqlWriter writer, string? alias, ColumnInfo column, IList values, bool negate, bool insensitive)
    {
        var array = new QueryParameter(column.Kind, column, values, IsList: true);
        if (insensitive)
        {
            WriteOperand(writer, alias, column, insensitive: true);
            writer.Sql(negate ? " NOT IN (SELECT lower(x) FROM unnest(" : " IN (SELECT lower(x) FROM unnest(").Parameter(array).Sql(") AS u(x))");
            return;
        }
        writer.Column(alias, column).Sql(negate ? " <> ALL(" : " = ANY(").Parameter(array).Sql(')');
    }

    /// <inheritdoc />
    public override void WriteTextMatch(SqlWriter writer, string alias, ColumnInfo column, FilterOperator op, string value, bool insensitive)
    {
        writer.Column(alias, column).Sql(insensitive ? " ILIKE " : " LIKE ")
            .Parameter(new QueryParameter(ScalarKind.String, null, LikePattern(op, value))).Sql(" ESCAPE '\\'");
    }

    /// <inheritdoc />
    public override void WriteListComparison(SqlWriter writer, string alias, Comparison comparison)
    {
        var column = comparison.Column;
        switch (comparison.Operator)
        {
            case FilterOperator.Has:
                writer.Parameter(new QueryParameter(column.Kind, column, comparison.Value)).Sql(" = ANY(").Column(alias, column).Sql(')');
                break;
            case FilterOperator.HasSome:
                writer.Column(alias, column).Sql(" && ").Parameter(new QueryParameter(column.Kind, column, comparison.Value, IsList: true));
                break;
            case FilterOperator.HasEvery:
                writer.Column(alias, column).Sql(" @> ").Parameter(new QueryParameter(column.Kind, column, comparison.Value, IsList: true));
                break;
            default: // IsEmpty
                bool empty = (bool)comparison.Value!;
                if (empty) writer.Sql("(").Column(alias, column).Sql(" IS NULL OR cardinality(").Column(alias, column).Sql(") = 0)");
                else writer.Sql("cardinality(").Column(alias, column).Sql(") > 0");
                break;
        }
    }

    /// <inheritdoc />
    public override StrataException? Translate(DbException error, ModelInfo? model) => PostgresErrors.Translate(error, model);

    /// <inheritdoc />
    public override StrataException? TranslateConnectionFailure(Exception error) => PostgresErrors.TranslateConnection(error) ?? base.TranslateConnectionFailure(error);

    /// <inheritdoc />
    public override Task<int>? BulkInsertAsync(DbConnection connection, DbTransaction? transaction, ModelInfo model, IReadOnlyList<ColumnInfo> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (connection is not NpgsqlConnection npgsql || rows.Count < 2 || columns.Count == 0 || !columns.All(PostgresValues.CanCopy)) return null;
        return PostgresCopy.WriteAsync(npgsql, model, columns, rows, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Npgsql prepares a statement on its second run (auto-prepare). When runs of one statement fail
    /// at execution time on a connection (a division by zero, a full-text query in bad syntax), a
    /// later successful run of it can fail with "Received unexpected backend message DataRow"
    /// (Npgsql 10.0.0). Dropping the connection's prepared statements after a failure, once the
    /// connection is out of its transaction, avoids that; they are prepared again as statements run.
    /// (Dropping them inside a transaction breaks Npgsql's own bookkeeping, so a transaction that
    /// goes on after savepoints rolled back keeps them.)
    /// </remarks>
    public override void ForgetPrepared(DbConnection connection)
    {
        if (connection is NpgsqlConnection npgsql) npgsql.UnprepareAll();
    }
}
