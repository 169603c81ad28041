using Npgsql;
using Strata.Metadata;

namespace Strata.Postgres.Runtime;

/// <summary>CreateMany through binary COPY: one round trip for all rows, no SQL text per row.</summary>
internal static class PostgresCopy
{
    public static async Task<int> WriteAsync(NpgsqlConnection connection, ModelInfo model, IReadOnlyList<ColumnInfo> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var sql = new System.Text.StringBuilder("COPY ");
        var dialect = PostgresDialect.Instance;
        if (model.Schema != null) { dialect.QuoteIdentifier(sql, model.Schema); sql.Append('.'); }
        dialect.QuoteIdentifier(sql, model.TableName);
        sql.Append(" (");
        for (int i = 0; i < columns.Count; i++)
        {
            if (i > 0) sql.Append(", ");
            dialect.QuoteIdentifier(sql, columns[i].ColumnName);
        }
        sql.Append(") FROM STDIN (FORMAT BINARY)");
        var types = columns.Select(c => PostgresValues.TypeOf(c.Kind, c)).ToArray();
        // COPY binds no statement parameters, so the values get the check CreateCommand gives parameters, before any is sent.
        foreach (var row in rows)
            for (int i = 0; i < columns.Count; i++) Execution.ValueGuard.Check(new Queries.QueryParameter(columns[i].Kind, columns[i], row[i]), model.Name);
        await using var importer = await connection.BeginBinaryImportAsync(sql.ToString(), cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < row.Length; i++)
            {
                if (row[i] == null) await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                else await WriteValueAsync(importer, PostgresValues.ToStored(columns[i].Kind, columns[i], row[i]!), types[i], cancellationToken).ConfigureAwait(false);
            }
        }
        return checked((int)await importer.CompleteAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Writes a value by its own type: Npgsql then takes the converter of that type at once, where a
    /// value written as object is looked up (and unboxed) one by one.
    /// </summary>
    private static Task WriteValueAsync(NpgsqlBinaryImporter importer, object value, NpgsqlTypes.NpgsqlDbType type, CancellationToken cancellationToken) => value switch
    {
        int i => importer.WriteAsync(i, type, cancellationToken),
        long l => importer.WriteAsync(l, type, cancellationToken),
        string s => importer.WriteAsync(s, type, cancellationToken),
        DateTime d => importer.WriteAsync(d, type, cancellationToken),
        double f => importer.WriteAsync(f, type, cancellationToken),
        bool b => importer.WriteAsync(b, type, cancellationToken),
        decimal m => importer.WriteAsync(m, type, cancellationToken),
        _ => importer.WriteAsync(value, type, cancellationToken),
    };
}
