using System.Collections;
using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Strata.Metadata;

namespace Strata.Execution;

/// <summary>Runs statements: opens (or joins) the connection, logs, reads rows, translates errors.</summary>
internal static class Runner
{
    public static Task<List<T>> QueryAsync<T>(StrataContext context, ModelInfo model, Statement statement, ColumnSet columns, CancellationToken cancellationToken)
        where T : class, IStrataEntity =>
        ReadAsync<RowSinks.All<T>, List<T>>(context, model, statement, columns, new RowSinks.All<T>(new List<T>()), cancellationToken);

    /// <summary>The first row, or null (a unique lookup, or a statement limited to one row).</summary>
    public static Task<T?> QueryFirstAsync<T>(StrataContext context, ModelInfo model, Statement statement, ColumnSet columns, CancellationToken cancellationToken)
        where T : class, IStrataEntity =>
        ReadAsync<RowSinks.First<T>, T?>(context, model, statement, columns, default, cancellationToken);

    /// <summary>The rows as a typed list that the model's reader creates (for includes, where the entity type is not known statically).</summary>
    public static Task<IList> QueryUntypedAsync(StrataContext context, ModelInfo model, Statement statement, ColumnSet columns, CancellationToken cancellationToken) =>
        ReadAsync<RowSinks.Untyped, IList>(context, model, statement, columns, new RowSinks.Untyped(model.Reader.NewList()), cancellationToken);

    /// <summary>
    /// Runs a query and hands each row to <paramref name="sink"/>: one async method from the
    /// connection to the result, so a read allocates no further state machine or iterator.
    /// </summary>
    private static async Task<TResult> ReadAsync<TSink, TResult>(StrataContext context, ModelInfo model, Statement statement, ColumnSet columns, TSink sink,
        CancellationToken cancellationToken) where TSink : struct, IRowSink<TResult>
    {
        var lease = await context.OpenAsync(cancellationToken).ConfigureAwait(false);
        DbCommand? command = null;
        long started = Stopwatch.GetTimestamp();
        int rows = 0;
        try
        {
            DbDataReader reader;
            try
            {
                command = context.CreateCommand(lease, statement, model);
                reader = await context.Dialect.ExecuteReaderAsync(command, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (StrataContext.IsDriverFailure(e, cancellationToken))
            {
                context.LogFailed(statement, started, e, model);
                throw context.Fail(lease, e, model);
            }
            bool finished = false;
            try
            {
                var dialect = context.Dialect;
                var values = dialect.Values;
                var entities = model.Reader;
                try
                {
                    // The dialect's ReadAsync directly, not through a translating helper: this loop runs per row.
                    while (await dialect.ReadAsync(reader, cancellationToken).ConfigureAwait(false))
                    {
                        sink.Add(ReadRow(model, entities, reader, columns, values));
                        rows++;
                    }
                }
                catch (Exception e) when (StrataContext.IsDriverFailure(e, cancellationToken))
                {
                    throw context.Fail(lease, e, model);
                }
                finished = true;
            }
            finally
            {
                await CloseAsync(context, lease, model, reader, finished, cancellationToken).ConfigureAwait(false);
            }
            context.LogExecuted(statement, started, model, rows);
            return sink.Result;
        }
        finally
        {
            if (command != null) await lease.ReleaseAsync(command).ConfigureAwait(false);
            await context.ReleaseAsync(lease).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The rows one at a time, for <c>await foreach</c>. Opening the reader is written out here as in
    /// <see cref="ReadAsync{TSink, TResult}"/>: an async helper shared by both would cost every read one
    /// more state machine, which the one-row budget (docs/benchmarks.md) does not leave room for.
    /// </summary>
    public static async IAsyncEnumerable<T> StreamAsync<T>(StrataContext context, ModelInfo model, Statement statement, ColumnSet columns,
        [EnumeratorCancellation] CancellationToken cancellationToken) where T : class, IStrataEntity
    {
        var lease = await context.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            long started = Stopwatch.GetTimestamp();
            int rows = 0;
            DbCommand? command = null;
            DbDataReader reader;
            try
            {
                command = context.CreateCommand(lease, statement, model);
                reader = await context.Dialect.ExecuteReaderAsync(command, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (StrataContext.IsDriverFailure(e, cancellationToken))
            {
                context.LogFailed(statement, started, e, model);
                if (command != null) await lease.ReleaseAsync(command).ConfigureAwait(false);
                throw context.Fail(lease, e, model);
            }
            catch
            {
                if (command != null) await lease.ReleaseAsync(command).ConfigureAwait(false);
                throw;
            }
            bool finished = false;
            try
            {
                var values = context.Dialect.Values;
                while (await NextRowAsync(context, lease, model, reader, cancellationToken).ConfigureAwait(false))
                {
                    rows++;
                    yield return (T)ReadRow(model, model.Reader, reader, columns, values);
                }
                finished = true;
            }
            finally
            {
                try { await CloseAsync(context, lease, model, reader, finished, cancellationToken).ConfigureAwait(false); }
                finally { await lease.ReleaseAsync(command!).ConfigureAwait(false); }
            }
            context.LogExecuted(statement, started, model, rows);
        }
        finally
        {
            await context.ReleaseAsync(lease).ConfigureAwait(false);
        }
    }

    public static Task<int> ExecuteAsync(StrataContext context, ModelInfo? model, Statement statement, CancellationToken cancellationToken) =>
        RunAsync(context, model, statement, static (command, dialect, ct) => dialect.ExecuteNonQueryAsync(command, ct), cancellationToken);

    /// <summary>
    /// Runs an INSERT, and returns the key that the database gave its autoincrement column
    /// (<see cref="Providers.SqlDialect.LastInsertedRowId"/>), read on the connection before another operation can use it.
    /// </summary>
    public static Task<long> InsertAsync(StrataContext context, ModelInfo model, Statement statement, CancellationToken cancellationToken) =>
        RunAsync(context, model, statement, static async (command, dialect, ct) =>
        {
            await dialect.ExecuteNonQueryAsync(command, ct).ConfigureAwait(false);
            return dialect.LastInsertedRowId(command.Connection!);
        }, cancellationToken);

    public static Task<long> CountAsync(StrataContext context, ModelInfo model, Statement statement, CancellationToken cancellationToken) =>
        RunAsync(context, model, statement, static async (command, dialect, ct) =>
            Convert.ToInt64(await dialect.ExecuteScalarAsync(command, ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>Reads raw rows (join tables), each value in a canonical key form.</summary>
    public static Task<List<object?[]>> QueryRowsAsync(StrataContext context, Statement statement, int width, CancellationToken cancellationToken) =>
        RunAsync(context, null, statement, async (command, dialect, ct) =>
        {
            var rows = new List<object?[]>();
            await using var reader = await dialect.ExecuteReaderAsync(command, ct).ConfigureAwait(false);
            while (await dialect.ReadAsync(reader, ct).ConfigureAwait(false))
            {
                var row = new object?[width];
                for (int i = 0; i < width; i++) row[i] = reader.IsDBNull(i) ? null : Keys.Canonical(reader.GetValue(i));
                rows.Add(row);
            }
            return rows;
        }, cancellationToken);

    /// <summary>
    /// Runs one command on the context's connection: logs it, and turns a driver error into a <see cref="StrataException"/>.
    /// <paramref name="run"/> returns a ValueTask: one that completes at once (SQLite) costs no task of its own.
    /// </summary>
    internal static async Task<T> RunAsync<T>(StrataContext context, ModelInfo? model, Statement statement, Func<DbCommand, Providers.SqlDialect, CancellationToken, ValueTask<T>> run, CancellationToken cancellationToken)
    {
        var lease = await context.OpenAsync(cancellationToken).ConfigureAwait(false);
        DbCommand? command = null;
        long started = Stopwatch.GetTimestamp();
        try
        {
            command = context.CreateCommand(lease, statement, model);
            var result = await run(command, context.Dialect, cancellationToken).ConfigureAwait(false);
            context.LogExecuted(statement, started, model, result is int changed ? changed : -1); // an ExecuteNonQuery's count of changed rows
            return result;
        }
        catch (Exception e) when (StrataContext.IsDriverFailure(e, cancellationToken))
        {
            context.LogFailed(statement, started, e, model);
            throw context.Fail(lease, e, model);
        }
        finally
        {
            if (command != null) await lease.ReleaseAsync(command).ConfigureAwait(false);
            await context.ReleaseAsync(lease).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Closes a reader. Closing the reader of a broken connection fails too: after all rows
    /// (<paramref name="finished"/>) that is the error to report, typed; while another error is on its
    /// way out, it must not replace it.
    /// </summary>
    private static async ValueTask CloseAsync(StrataContext context, Connections.ConnectionLease lease, ModelInfo model, DbDataReader reader, bool finished, CancellationToken cancellationToken)
    {
        try { await reader.DisposeAsync().ConfigureAwait(false); }
        catch (Exception e) when (finished && StrataContext.IsDriverFailure(e, cancellationToken)) { throw context.Fail(lease, e, model); }
        catch (Exception e) when (!finished && StrataContext.IsDriverFailure(e, cancellationToken)) { lease.Failed = true; }
    }

    /// <summary>The driver's next row, its failure translated: for the stream, whose <c>yield return</c> cannot stand in a try with a catch.</summary>
    private static async ValueTask<bool> NextRowAsync(StrataContext context, Connections.ConnectionLease lease, ModelInfo model, DbDataReader reader, CancellationToken cancellationToken)
    {
        try { return await context.Dialect.ReadAsync(reader, cancellationToken).ConfigureAwait(false); }
        catch (Exception e) when (StrataContext.IsDriverFailure(e, cancellationToken)) { throw context.Fail(lease, e, model); }
    }

    private static IStrataEntity ReadRow(ModelInfo model, EntityReader entities, DbDataReader reader, ColumnSet columns, Providers.RowReader values)
    {
        try
        {
            return entities.ReadEntity(reader, columns, values);
        }
        catch (OverflowException e)
        {
            throw new ValueOutOfRangeException(ErrorCodes.ValueOutOfRange,
                $"A stored value of {model.Name} does not fit its field's type: {e.Message}", e) { Model = model.Name };
        }
        catch (Exception e) when (e is InvalidCastException or FormatException)
        {
            throw new StrataException(ErrorCodes.InconsistentData,
                $"A stored value of {model.Name} cannot be read as its field's type: {e.Message}", e) { Model = model.Name };
        }
    }
}

/// <summary>Receives the rows of a read and makes its result; a struct, so a read allocates no collector of its own.</summary>
internal interface IRowSink<out TResult>
{
    void Add(IStrataEntity row);

    TResult Result { get; }
}

internal static class RowSinks
{
    /// <summary>Every row, in a typed list.</summary>
    public readonly struct All<T>(List<T> list) : IRowSink<List<T>> where T : class, IStrataEntity
    {
        public void Add(IStrataEntity row) => list.Add((T)row);

        public List<T> Result => list;
    }

    /// <summary>The first row, or null.</summary>
    public struct First<T> : IRowSink<T?> where T : class, IStrataEntity
    {
        private T? _first;

        public void Add(IStrataEntity row) => _first ??= (T)row;

        public readonly T? Result => _first;
    }

    /// <summary>Every row, in a list the model's reader made.</summary>
    public readonly struct Untyped(IList list) : IRowSink<IList>
    {
        public void Add(IStrataEntity row) => list.Add(row);

        public IList Result => list;
    }
}

/// <summary>Key values in one canonical form, so keys read from different places compare equal.</summary>
internal static class Keys
{
    public static object? Canonical(object? value) => value switch
    {
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        Guid g => g.ToString(),
        _ => value,
    };

    /// <summary>
    /// The key of <paramref name="entity"/> in <paramref name="columns"/>. Both sides of a direct relation
    /// are fields of the same type, so their values compare as they are (<paramref name="canonical"/>
    /// false: no second box); against values read from a join table they are made canonical.
    /// </summary>
    public static object? Of(IStrataEntity entity, int[] columns, bool canonical = true)
    {
        if (columns.Length == 1) return canonical ? Canonical(entity.GetColumnValue(columns[0])) : entity.GetColumnValue(columns[0]);
        var parts = new object?[columns.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            var value = entity.GetColumnValue(columns[i]);
            parts[i] = canonical ? Canonical(value) : value;
            if (parts[i] == null) return null;
        }
        return new CompoundKey(parts);
    }

    /// <summary>A key of several columns, compared by value.</summary>
    public sealed class CompoundKey(object?[] parts) : IEquatable<CompoundKey>
    {
        public object?[] Parts { get; } = parts;

        public bool Equals(CompoundKey? other) => other != null && Parts.AsSpan().SequenceEqual(other.Parts);

        public override bool Equals(object? obj) => Equals(obj as CompoundKey);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var part in Parts) hash.Add(part);
            return hash.ToHashCode();
        }
    }
}
