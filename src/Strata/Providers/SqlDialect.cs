using System.Collections;
using System.Data.Common;
using System.Text;
using Strata.Filters;
using Strata.Metadata;
using Strata.Queries;

namespace Strata.Providers;

/// <summary>
/// What differs between databases when running queries: quoting, placeholders, parameter types,
/// text and list comparisons, paging, reading stored values, and turning driver errors into
/// <see cref="StrataException"/>s. Providers (Strata.Sqlite, Strata.Postgres) derive from it;
/// the core writes everything that is plain standard SQL.
/// </summary>
public abstract partial class SqlDialect
{
    internal SqlCache Cache { get; } = new(SqlCache.VerifyByDefault);

    internal UniqueLookupCache UniqueLookups { get; } = new();

    /// <summary>The provider's name as the schema writes it (<c>sqlite</c>, <c>postgresql</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Reads stored values into C# values for the generated readers.</summary>
    public abstract RowReader Values { get; }

    /// <summary>Appends <paramref name="name"/> as a quoted identifier.</summary>
    public virtual void QuoteIdentifier(StringBuilder sql, string name)
    {
        sql.Append('"');
        foreach (char c in name)
        {
            if (c == '"') sql.Append('"');
            sql.Append(c);
        }
        sql.Append('"');
    }

    /// <summary>Appends the placeholder of parameter <paramref name="index"/> (zero-based): <c>@p0</c>, <c>$1</c>.</summary>
    public abstract void WritePlaceholder(StringBuilder sql, int index);

    /// <summary>Appends a raw SQL hole's placeholder, with any cast its type needs (a schema enum's type on PostgreSQL).</summary>
    public virtual void WriteRawParameter(StringBuilder sql, int index, QueryParameter parameter) => WritePlaceholder(sql, index);

    /// <summary>
    /// Names parameter <paramref name="index"/> of an unsafe raw statement for the placeholders its SQL
    /// uses, <c>$1</c>, <c>$2</c>, ... on every database (PostgreSQL binds them by position as they are).
    /// </summary>
    public virtual void NameUnsafeParameter(DbParameter parameter, int index) { }

    /// <summary>An unsafe raw statement's text as the driver takes it: where the driver does not bind <c>$1</c>, <c>$2</c> (MySQL), the dialect renames them.</summary>
    public virtual string UnsafeSql(string sql) => sql;

    /// <summary>Writes a bound parameter: its placeholder, with any cast its type needs.</summary>
    public virtual void WriteParameter(SqlWriter writer, int index, QueryParameter parameter) => writer.Placeholder(index);

    /// <summary>Creates the driver's parameter number <paramref name="index"/> of a new command, bound to <paramref name="parameter"/>.</summary>
    public abstract DbParameter CreateParameter(DbCommand command, int index, QueryParameter parameter);

    /// <summary>
    /// Binds <paramref name="parameter"/> (converted to the stored form, and typed) to a driver
    /// parameter of <see cref="CreateParameter"/>, replacing its earlier value and type: a kept
    /// command runs again with new values.
    /// </summary>
    public abstract void BindParameter(DbParameter target, QueryParameter parameter);

    /// <summary>Writes a column of a SELECT or RETURNING list; a dialect may convert it to a form the driver reads (keeping its name).</summary>
    public virtual void WriteSelectColumn(SqlWriter writer, string? alias, ColumnInfo column) => writer.Column(alias, column);

    /// <summary>
    /// Writes the new value of an atomic update: the stored value (qualified by <paramref name="storedRow"/>
    /// when given) combined with a bound operand. A result out of its field's range fails the statement
    /// (P2020), so nothing is written; dividing by zero is refused before anything runs.
    /// </summary>
    public virtual void WriteNumberOperation(SqlWriter writer, string? storedRow, ColumnInfo column, NumberOperation operation, object? operand)
    {
        RefuseDivisionByZero(column, operation, operand);
        if (column.Kind != ScalarKind.Decimal)
        {
            WriteArithmetic(writer, storedRow, column, operation, operand);
            return;
        }
        // C#'s decimal holds up to 79,228,162,514,264,337,593,543,950,335: a larger result could be stored but never read.
        writer.Sql("CASE WHEN abs(");
        WriteArithmetic(writer, storedRow, column, operation, operand);
        writer.Sql(") > 79228162514264337593543950335 THEN ");
        WriteRangeFailure(writer, w => WriteArithmetic(w, storedRow, column, operation, operand));
        writer.Sql(" ELSE ");
        WriteArithmetic(writer, storedRow, column, operation, operand);
        writer.Sql(" END");
    }

    /// <summary>
    /// Writes an expression that, when evaluated, fails the statement with an error the dialect translates
    /// to P2020; it sits in the branch of a CASE that only rows with an out-of-range <paramref name="result"/> reach.
    /// </summary>
    protected abstract void WriteRangeFailure(SqlWriter writer, Action<SqlWriter> result);

    /// <summary>Dividing by zero fails before anything runs (P2020), the same on every database (SQLite would store NULL).</summary>
    protected static void RefuseDivisionByZero(ColumnInfo column, NumberOperation operation, object? operand)
    {
        if (operation == NumberOperation.Divide && operand is not null && System.Convert.ToDouble(operand, System.Globalization.CultureInfo.InvariantCulture) == 0)
            throw new ValueOutOfRangeException(ErrorCodes.ValueOutOfRange, $"{column.FieldName} cannot be divided by zero; nothing was written.", null);
    }

    /// <summary>Writes <c>stored op operand</c>, the operand bound as a parameter.</summary>
    protected static void WriteArithmetic(SqlWriter writer, string? storedRow, ColumnInfo column, NumberOperation operation, object? operand)
    {
        if (storedRow != null) writer.Identifier(storedRow).Sql('.');
        writer.Identifier(column.ColumnName).Sql(operation switch
        {
            NumberOperation.Increment => " + ",
            NumberOperation.Decrement => " - ",
            NumberOperation.Multiply => " * ",
            _ => " / ",
        }).Parameter(column, operand);
    }

    /// <summary>Writes <c>LIMIT</c>/<c>OFFSET</c>; <paramref name="take"/> and <paramref name="skip"/> are bound as parameters when present.</summary>
    public virtual void WriteLimitOffset(SqlWriter writer, int? take, int? skip)
    {
        if (take.HasValue) writer.Sql(" LIMIT ").Parameter(take.Value);
        if (skip.HasValue) writer.Sql(" OFFSET ").Parameter(skip.Value);
    }

    /// <summary>Writes a comparison of <paramref name="alias"/>'s column.</summary>
    public virtual void WriteComparison(SqlWriter writer, string alias, Comparison comparison)
    {
        var column = comparison.Column;
        switch (comparison.Operator)
        {
            case FilterOperator.Equals when comparison.Value == null:
                writer.Column(alias, column).Sql(" IS NULL");
                return;
            case FilterOperator.NotEquals when comparison.Value == null:
                writer.Column(alias, column).Sql(" IS NOT NULL");
                return;
            case FilterOperator.Equals or FilterOperator.LessThan or FilterOperator.LessThanOrEqual
                or FilterOperator.GreaterThan or FilterOperator.GreaterThanOrEqual:
                WriteOperand(writer, alias, column, comparison.Insensitive);
                writer.Sql(SymbolOf(comparison.Operator));
                WriteValue(writer, column, comparison.Value, comparison.Insensitive);
                return;
            case FilterOperator.NotEquals:
                // C#'s != holds for rows where the column is null; SQL's <> does not, so say it.
                if (column.IsOptional) writer.Sql('(');
                WriteOperand(writer, alias, column, comparison.Insensitive);
                writer.Sql(" <> ");
                WriteValue(writer, column, comparison.Value, comparison.Insensitive);
                if (column.IsOptional) writer.Sql(" OR ").Column(alias, column).Sql(" IS NULL)");
                return;
            case FilterOperator.In or FilterOperator.NotIn:
                bool negate = comparison.Operator == FilterOperator.NotIn;
                if (negate && column.IsOptional) writer.Sql('(');
                WriteInList(writer, alias, column, (IList)comparison.Value!, negate, comparison.Insensitive);
                if (negate && column.IsOptional) writer.Sql(" OR ").Column(alias, column).Sql(" IS NULL)");
                return;
            case FilterOperator.Contains or FilterOperator.StartsWith or FilterOperator.EndsWith:
                WriteTextMatch(writer, alias, column, comparison.Operator, (string)comparison.Value!, comparison.Insensitive);
                return;
            default:
                WriteListComparison(writer, alias, comparison);
                return;
        }
    }

    /// <summary>Writes whether a column (or any SQL expression the callback writes) is in a list of values.</summary>
    public abstract void WriteInList(SqlWriter writer, string? alias, ColumnInfo column, IList values, bool negate, bool insensitive);

    /// <summary>Writes contains / starts with / ends with, each value bound as a parameter.</summary>
    public abstract void WriteTextMatch(SqlWriter writer, string alias, ColumnInfo column, FilterOperator op, string value, bool insensitive);

    /// <summary>
    /// The LIKE pattern of a contains / starts with / ends with of <paramref name="value"/>, its
    /// <c>%</c>, <c>_</c> and <c>\</c> escaped (the statement says <c>ESCAPE '\'</c>).
    /// </summary>
    protected static string LikePattern(FilterOperator op, string value)
    {
        var pattern = new StringBuilder(value.Length + 4);
        if (op != FilterOperator.StartsWith) pattern.Append('%');
        foreach (char c in value)
        {
            if (c is '%' or '_' or '\\') pattern.Append('\\');
            pattern.Append(c);
        }
        if (op != FilterOperator.EndsWith) pattern.Append('%');
        return pattern.ToString();
    }

    /// <summary>Writes a scalar-list filter (has, hasSome, hasEvery, isEmpty).</summary>
    public virtual void WriteListComparison(SqlWriter writer, string alias, Comparison comparison) =>
        throw new StrataException(ErrorCodes.InvalidQuery, $"{Name} has no scalar lists; {comparison.Operator} on {comparison.Column.FieldName} needs PostgreSQL.");

    /// <summary>
    /// Writes a Json filter: equality by value (not by text), or a string or array test, of the
    /// document or of the value at a path into it; every value bound as a parameter.
    /// </summary>
    public abstract void WriteJsonFilter(SqlWriter writer, string alias, JsonCondition condition);

    /// <summary>Writes a full-text match of <paramref name="search"/>'s columns (Prisma's <c>search</c>); databases without one refuse (P2009).</summary>
    public virtual void WriteTextSearch(SqlWriter writer, string alias, TextSearch search) => throw TextSearch.Unsupported(Name);

    /// <summary>Writes the relevance of <paramref name="search"/>'s columns to its query, as an order key (Prisma's <c>_relevance</c>).</summary>
    public virtual void WriteTextRelevance(SqlWriter writer, string alias, TextSearch search) => throw TextSearch.Unsupported(Name);

    /// <summary>Writes the column as compared: lowered for case-insensitive comparisons.</summary>
    protected virtual void WriteOperand(SqlWriter writer, string? alias, ColumnInfo column, bool insensitive)
    {
        if (insensitive) writer.Sql("lower(").Column(alias, column).Sql(')');
        else writer.Column(alias, column);
    }

    /// <summary>Writes a bound value as compared: lowered for case-insensitive comparisons.</summary>
    protected virtual void WriteValue(SqlWriter writer, ColumnInfo column, object? value, bool insensitive)
    {
        if (insensitive) writer.Sql("lower(").Parameter(column, value).Sql(')');
        else writer.Parameter(column, value);
    }

    /// <summary>True where an ascending order puts nulls first when it does not say (SQLite); PostgreSQL puts them last.</summary>
    public abstract bool NullsFirstAscending { get; }

    /// <summary>Writes <c>INSERT ... ON CONFLICT DO NOTHING</c>'s clause for skipped duplicates (empty where <see cref="InsertInto"/> says it).</summary>
    public virtual string OnConflictDoNothing => " ON CONFLICT DO NOTHING";

    /// <summary>The start of an INSERT: <c>INSERT IGNORE INTO</c> on MySQL where duplicates are skipped.</summary>
    public virtual string InsertInto(bool skipDuplicates) => "INSERT INTO ";

    /// <summary>
    /// True where INSERT, UPDATE and DELETE take a RETURNING clause (PostgreSQL, SQLite). Where not
    /// (MySQL), the client reads the rows a write returns by their keys: before a delete, after an
    /// insert or an update, in the write's transaction.
    /// </summary>
    public virtual bool HasReturning => true;

    /// <summary>True where a single-table DELETE may name its table with an alias (<c>DELETE FROM t AS t0</c>); MySQL's may not.</summary>
    public virtual bool AliasesDeleteTarget => true;

    /// <summary>True where ORDER BY takes NULLS FIRST / NULLS LAST; elsewhere a null test is ordered first.</summary>
    public virtual bool HasNullsOrdering => true;

    /// <summary>The type an average of integers or doubles is cast to, so that it reads as a double.</summary>
    public virtual string DoubleType => "DOUBLE PRECISION";

    /// <summary>
    /// Turns a driver error into a typed exception, or returns null when it is not one the
    /// dialect knows; <paramref name="model"/> is the statement's model, used to name fields.
    /// </summary>
    public abstract StrataException? Translate(DbException error, ModelInfo? model);

    /// <summary>
    /// Turns a failure to reach or keep the database (unreachable, refused credentials, missing
    /// database, timeout, closed connection) into a typed exception with a P1xxx code, or returns
    /// null when <paramref name="error"/> is not one.
    /// </summary>
    public virtual StrataException? TranslateConnectionFailure(Exception error) => error switch
    {
        TimeoutException => new StrataException(ErrorCodes.Timeout, $"The database did not answer in time: {error.Message}", error),
        System.Net.Sockets.SocketException => new StrataException(ErrorCodes.DatabaseUnreachable, $"The database server cannot be reached: {error.Message}", error),
        IOException => new StrataException(ErrorCodes.ConnectionClosed, $"The connection to the database was lost: {error.Message}", error),
        _ => null,
    };

    /// <summary>
    /// Runs on each connection the client opens, its own or from an application's data source, before
    /// any statement (SQLite sets its busy timeout on the connection).
    /// </summary>
    public virtual void ConfigureOpened(DbConnection connection) { }

    /// <summary>Runs once on each connection the client opens from an application's data source (SQLite turns foreign keys on).</summary>
    public virtual ValueTask PrepareConnectionAsync(DbConnection connection, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>
    /// Called before a connection on which a statement failed goes back to the driver's pool: drops
    /// what the driver prepared on it (the driver keeps that across opens) when a failure can leave it
    /// in a state later runs trip on. The connection is open and outside any transaction.
    /// </summary>
    public virtual void ForgetPrepared(DbConnection connection) { }

    /// <summary>
    /// Inserts many rows in bulk (PostgreSQL's binary COPY) when the dialect can, returning the
    /// count; null means the caller writes multi-row INSERTs instead.
    /// </summary>
    public virtual Task<int>? BulkInsertAsync(DbConnection connection, DbTransaction? transaction, ModelInfo model, IReadOnlyList<ColumnInfo> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken) => null;

    /// <summary>
    /// The isolation levels a transaction may ask the database for; any other fails before the transaction
    /// starts. The standard's four by default.
    /// </summary>
    public virtual IReadOnlyList<System.Data.IsolationLevel> IsolationLevels { get; } =
        [System.Data.IsolationLevel.ReadUncommitted, System.Data.IsolationLevel.ReadCommitted, System.Data.IsolationLevel.RepeatableRead, System.Data.IsolationLevel.Serializable];

    /// <summary>The most parameters one statement may bind.</summary>
    public abstract int MaxParameters { get; }

    /// <summary>How many values one multi-row INSERT of <c>CreateMany</c> binds at most: the limit, unless binding grows faster than the rows.</summary>
    public virtual int InsertParameters => MaxParameters;

    /// <summary>
    /// True where <c>CreateMany</c> (without bulk insert) runs one kept one-row INSERT per row rather
    /// than multi-row INSERTs: faster where a statement costs no round trip (SQLite).
    /// </summary>
    public virtual bool InsertsRowByRow => false;

    /// <summary>
    /// True where, inside a transaction, <c>Create</c> runs <c>INSERT ...; SELECT ... by key</c> as one
    /// command instead of INSERT ... RETURNING, because that is quicker (SQLite); see <see cref="WriteLastInsertedRowId"/>.
    /// </summary>
    public virtual bool SelectsInsertedRow => false;

    /// <summary>The SQL function that gives how many rows the statement before it in the same command wrote (MySQL's <c>ROW_COUNT()</c>).</summary>
    public virtual string InsertedRowCount => "changes()";

    /// <summary>Writes the row id the INSERT before it in the same command generated, for a key the database assigns (where <see cref="SelectsInsertedRow"/>).</summary>
    public virtual void WriteLastInsertedRowId(SqlWriter writer) =>
        throw new NotSupportedException($"{Name} does not read an inserted row back by its generated id.");

    /// <summary>
    /// True when <paramref name="value"/>, written to <paramref name="column"/>, reads back as
    /// <see cref="StoredForm"/> gives it, so that <c>Create</c> can make the record it returns from the
    /// values it wrote with no read of the row (see <see cref="LastInsertedRowId"/> for a generated key).
    /// False (the default) makes <c>Create</c> read the row back.
    /// </summary>
    public virtual bool ReadsBackAsWritten(ColumnInfo column, object? value) => false;

    /// <summary>
    /// The value as the driver's reader returns it after it is stored (where <see cref="ReadsBackAsWritten"/>):
    /// what the generated reader converts, so the record is the one a read would give.
    /// </summary>
    public virtual object StoredForm(QueryParameter parameter) =>
        throw new NotSupportedException($"{Name} does not make inserted records from their values.");

    /// <summary>The key that the last INSERT on <paramref name="connection"/> gave its autoincrement column (where <see cref="ReadsBackAsWritten"/>).</summary>
    public virtual long LastInsertedRowId(DbConnection connection) =>
        throw new NotSupportedException($"{Name} does not report the key of an inserted row.");

    /// <summary>The SQL of a comparison operator (=, &lt;, &lt;=, &gt;, &gt;=), spaced.</summary>
    internal static string SymbolOf(FilterOperator op) => op switch
    {
        FilterOperator.Equals => " = ",
        FilterOperator.LessThan => " < ",
        FilterOperator.LessThanOrEqual => " <= ",
        FilterOperator.GreaterThan => " > ",
        _ => " >= ",
    };
}
