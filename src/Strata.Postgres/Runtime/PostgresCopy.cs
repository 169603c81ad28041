using System.Globalization;
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
                if (row[i] is not { } value) await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                else await WriteValueAsync(importer, columns[i], value, types[i], cancellationToken).ConfigureAwait(false);
            }
        }
        return checked((int)await importer.CompleteAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Writes a value by its own type, converted as <see cref="PostgresValues.ToStored"/> converts
    /// parameters but without boxing it again: Npgsql then takes the converter of that type at once,
    /// where a value written as object is looked up (and unboxed) one by one.
    /// </summary>
    private static Task WriteValueAsync(NpgsqlBinaryImporter importer, ColumnInfo column, object value, NpgsqlTypes.NpgsqlDbType type, CancellationToken cancellationToken) => column.Kind switch
    {
        ScalarKind.Int => importer.WriteAsync(value is int i ? i : Convert.ToInt32(value, CultureInfo.InvariantCulture), type, cancellationToken),
        ScalarKind.BigInt => importer.WriteAsync(value is long l ? l : Convert.ToInt64(value, CultureInfo.InvariantCulture), type, cancellationToken),
        ScalarKind.DateTime => importer.WriteAsync(PostgresValues.ToStoredDateTime((DateTime)value, column.NativeType), type, cancellationToken),
        _ => PostgresValues.ToStored(column.Kind, column, value) switch
        {
            string s => importer.WriteAsync(s, type, cancellationToken),
            double f => importer.WriteAsync(f, type, cancellationToken),
            bool b => importer.WriteAsync(b, type, cancellationToken),
            decimal m => importer.WriteAsync(m, type, cancellationToken),
            var stored => importer.WriteAsync(stored, type, cancellationToken),
        },
    };
}
