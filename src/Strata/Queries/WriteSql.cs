using Strata.Metadata;

namespace Strata.Queries;

/// <summary>
/// One column's new value in an UPDATE: a plain value, or an atomic operation on the stored one; in an
/// upsert's <c>DO UPDATE</c>, <paramref name="FromExcluded"/> takes the value the row would have been inserted with.
/// </summary>
internal readonly record struct ColumnUpdate(ColumnInfo Column, NumberOperation Operation, object? Value, bool FromExcluded = false)
{
    /// <summary>The column set to the value the conflicting row proposed (<c>excluded.column</c>).</summary>
    public static ColumnUpdate Excluded(ColumnInfo column) => new(column, NumberOperation.Set, null, FromExcluded: true);
}

/// <summary>Writes INSERT, UPDATE, upsert and DELETE statements.</summary>
internal static class WriteSql
{
    /// <summary>
    /// <c>INSERT INTO t (cols) VALUES (...), (...)</c>, optionally skipping duplicates, or turning a
    /// conflict on <paramref name="conflict"/> into the UPDATE of <paramref name="onConflict"/>;
    /// RETURNING the selected columns when <paramref name="returning"/> is given.
    /// </summary>
    public static void Insert(SqlWriter w, ModelInfo model, IReadOnlyList<ColumnInfo> columns, IReadOnlyList<object?[]> rows,
        ColumnSet? returning, bool skipDuplicates = false, UniqueInfo? conflict = null, IReadOnlyList<ColumnUpdate>? onConflict = null)
    {
        w.Sql(w.Dialect.InsertInto(skipDuplicates)).Table(model.Schema, model.TableName);
        if (columns.Count == 0)
        {
            w.Sql(" DEFAULT VALUES");
        }
        else
        {
            w.Sql(" (");
            for (int i = 0; i < columns.Count; i++)
            {
                if (i > 0) w.Sql(", ");
                w.Identifier(columns[i].ColumnName);
            }
            w.Sql(") VALUES ");
            for (int r = 0; r < rows.Count; r++)
            {
                w.Sql(r == 0 ? "(" : ", (");
                for (int i = 0; i < columns.Count; i++)
                {
                    if (i > 0) w.Sql(", ");
                    w.Parameter(columns[i], rows[r][i]);
                }
                w.Sql(')');
            }
        }
        if (skipDuplicates) w.Sql(w.Dialect.OnConflictDoNothing);
        if (conflict != null)
        {
            w.Sql(" ON CONFLICT (");
            for (int i = 0; i < conflict.Columns.Length; i++)
            {
                if (i > 0) w.Sql(", ");
                w.Identifier(model.Columns[conflict.Columns[i]].ColumnName);
            }
            w.Sql(") DO UPDATE SET ");
            // In the upsert's SET, the stored row is named by its table (a bare name would be ambiguous with excluded).
            if (onConflict is { Count: > 0 }) WriteAssignments(w, onConflict, model.TableName);
            else
            {
                // Nothing to change: assign the conflicting key its own value so RETURNING yields the row.
                var key = model.Columns[conflict.Columns[0]];
                w.Identifier(key.ColumnName).Sql(" = excluded.").Identifier(key.ColumnName);
            }
        }
        if (returning.HasValue) Returning(w, model, returning.Value);
    }

    /// <summary>
    /// One row's <c>INSERT</c>, then in the same command <c>SELECT</c> of the selected columns of the row
    /// by <paramref name="key"/>: each key column's value is the INSERT's own parameter, or, for a key
    /// the database generates, the dialect's last inserted row id. Only where
    /// <see cref="Providers.SqlDialect.SelectsInsertedRow"/>, and only when <see cref="CanSelectInserted"/>.
    /// </summary>
    public static void InsertThenSelect(SqlWriter w, ModelInfo model, IReadOnlyList<ColumnInfo> columns, object?[] row, UniqueInfo key, ColumnSet returning, bool skipDuplicates = false)
    {
        int first = w.ParameterCount;
        Insert(w, model, columns, [row], returning: null, skipDuplicates);
        w.Sql("; SELECT ");
        SelectSql.WriteColumns(w, model, returning, alias: null);
        w.Sql(" FROM ").Table(model.Schema, model.TableName).Sql(" WHERE ");
        for (int k = 0; k < key.Columns.Length; k++)
        {
            if (k > 0) w.Sql(" AND ");
            var column = model.Columns[key.Columns[k]];
            w.Identifier(column.ColumnName).Sql(" = ");
            int at = IndexOf(columns, column);
            // Insert binds one parameter per column, in column order (SqlWriter.ParameterFor): the key's value is that one.
            if (at >= 0) w.Dialect.WriteParameter(w, first + at, SqlWriter.ParameterFor(column, row[at]));
            else w.Dialect.WriteLastInsertedRowId(w);
        }
        // A duplicate skipped: the row found by its key is another's, so none is selected.
        if (skipDuplicates) w.Sql(" AND ").Sql(w.Dialect.InsertedRowCount).Sql(" > 0");
    }

    /// <summary>True when the row an INSERT of <paramref name="columns"/> creates can be found by <paramref name="key"/> right after: the INSERT writes every key column, or the key is one autoincrement column.</summary>
    public static bool CanSelectInserted(ModelInfo model, IReadOnlyList<ColumnInfo> columns, object?[] row, UniqueInfo key)
    {
        if (key.Columns.Length == 1 && model.Columns[key.Columns[0]].Default == DefaultKind.Autoincrement && IndexOf(columns, model.Columns[key.Columns[0]]) < 0) return true;
        foreach (var index in key.Columns)
        {
            int at = IndexOf(columns, model.Columns[index]);
            if (at < 0 || row[at] == null) return false;
        }
        return true;
    }

    private static int IndexOf(IReadOnlyList<ColumnInfo> columns, ColumnInfo column)
    {
        for (int i = 0; i < columns.Count; i++)
            if (columns[i].Index == column.Index) return i;
        return -1;
    }

    /// <summary><c>UPDATE t AS t0 SET ... WHERE filter</c>, RETURNING the selected columns when asked.</summary>
    public static void Update(SqlWriter w, ModelInfo model, IReadOnlyList<ColumnUpdate> updates, Filter? where, ColumnSet? returning)
    {
        var alias = w.NextAlias();
        w.Sql("UPDATE ").Table(model.Schema, model.TableName).Sql(" AS ").Sql(alias).Sql(" SET ");
        WriteAssignments(w, updates, null);
        if (where != null)
        {
            w.Sql(" WHERE ");
            where.Write(w, alias);
        }
        if (returning.HasValue) Returning(w, model, returning.Value);
    }

    /// <summary><c>DELETE FROM t AS t0 WHERE filter</c>, RETURNING the selected columns when asked.</summary>
    public static void Delete(SqlWriter w, ModelInfo model, Filter? where, ColumnSet? returning)
    {
        var alias = DeleteFrom(w, model.Schema, model.TableName);
        if (where != null)
        {
            w.Sql(" WHERE ");
            where.Write(w, alias);
        }
        if (returning.HasValue) Returning(w, model, returning.Value);
    }

    /// <summary>
    /// Writes <c>DELETE FROM t AS t0</c> and returns the alias; where the database takes no alias there
    /// (MySQL), <c>DELETE FROM t</c>, and the filter names the table itself.
    /// </summary>
    public static string DeleteFrom(SqlWriter w, string? schema, string table)
    {
        w.Sql("DELETE FROM ").Table(schema, table);
        if (w.Dialect.AliasesDeleteTarget)
        {
            var alias = w.NextAlias();
            w.Sql(" AS ").Sql(alias);
            return alias;
        }
        var name = new System.Text.StringBuilder();
        if (schema != null)
        {
            w.Dialect.QuoteIdentifier(name, schema);
            name.Append('.');
        }
        w.Dialect.QuoteIdentifier(name, table);
        return name.ToString();
    }

    private static void WriteAssignments(SqlWriter w, IReadOnlyList<ColumnUpdate> updates, string? storedRow)
    {
        for (int i = 0; i < updates.Count; i++)
        {
            var u = updates[i];
            if (i > 0) w.Sql(", ");
            // SET targets cannot be qualified; the operand of an atomic operation is the stored value.
            w.Identifier(u.Column.ColumnName).Sql(" = ");
            if (u.FromExcluded)
            {
                w.Sql("excluded.").Identifier(u.Column.ColumnName);
                continue;
            }
            if (u.Operation == NumberOperation.Set)
            {
                w.Parameter(u.Column, u.Value);
                continue;
            }
            w.Dialect.WriteNumberOperation(w, storedRow, u.Column, u.Operation, u.Value);
        }
    }

    private static void Returning(SqlWriter w, ModelInfo model, ColumnSet columns)
    {
        w.Sql(" RETURNING ");
        SelectSql.WriteColumns(w, model, columns, alias: null);
    }
}
