using System.Data.Common;
using Strata.Providers;
using Strata.Queries;

namespace Strata.Execution;

/// <summary>Runs raw SQL: statements from <see cref="RawSql"/> (holes bound as parameters) or, unsafe, SQL text with its own placeholders.</summary>
internal static class RawOperations
{
    public static Task<List<T>> QueryAsync<T>(StrataContext context, Statement statement, CancellationToken cancellationToken)
    {
        var read = ReaderOf<T>();
        return Runner.RunAsync(context, null, statement, async (command, dialect, ct) =>
        {
            var rows = new List<T>();
            await using var reader = await dialect.ExecuteReaderAsync(command, ct).ConfigureAwait(false);
            var bound = read(reader);
            while (await dialect.ReadAsync(reader, ct).ConfigureAwait(false)) rows.Add(bound(reader, dialect.Values));
            return rows;
        }, cancellationToken);
    }

    public static Task<int> ExecuteAsync(StrataContext context, Statement statement, CancellationToken cancellationToken) =>
        Runner.ExecuteAsync(context, null, statement, cancellationToken);

    public static Statement Safe(StrataContext context, RawSql sql)
    {
        var (text, parameters) = sql.Render(context.Dialect);
        return new Statement(text, parameters) { IsRaw = true };
    }

    public static Statement Unsafe(string sql, object?[]? parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        var values = parameters ?? [];
        var bound = new QueryParameter[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is System.Collections.IEnumerable and not string and not byte[] and not System.Text.Json.Nodes.JsonNode)
                throw new ArgumentException($"Parameter ${i + 1} is a list: the unsafe form binds one value per placeholder (write one placeholder per item).", nameof(parameters));
            bound[i] = RawValues.Parameter(values[i], values[i]?.GetType());
        }
        return new Statement(sql, bound) { IsRaw = true, IsUnsafe = true };
    }

    /// <summary>
    /// How a result is read as <typeparamref name="T"/>: a scalar from its one column, else the type's
    /// registered reader by column names. Resolved before the statement runs, so an unreadable type
    /// fails without touching the database.
    /// </summary>
    private static Func<DbDataReader, Func<DbDataReader, RowReader, T>> ReaderOf<T>()
    {
        if (RawValues.IsScalar<T>())
        {
            return reader => reader.FieldCount == 1
                ? static (r, v) => RawValues.Read<T>(r, 0, v)
                : throw new StrataException(ErrorCodes.InvalidQuery,
                    $"A raw query of {typeof(T).Name} reads one column; the result has {reader.FieldCount}. Select one column, or read a [RawRow] type.");
        }
        var shape = RawRows.Find<T>() ?? throw new StrataException(ErrorCodes.InvalidQuery,
            $"Raw SQL cannot read {typeof(T).Name}: read a generated entity, a scalar, or a partial class or record marked [RawRow] in a project that uses the Strata generator.");
        return reader =>
        {
            var ordinals = shape.Bind(reader);
            return (r, v) => shape.Read(r, ordinals, v);
        };
    }
}
