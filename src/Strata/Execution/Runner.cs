using System.Collections;
using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Strata.Metadata;

namespace Strata.Execution;

/// <summary>Runs statements: opens (or joins) the connection, logs, reads rows, translates errors.</summary>
internal static class Runner
{
    public static async Task<List<T>> QueryAsync<T>(StrataContext context, ModelInfo model, Statement statement, ColumnSet columns, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        var list = new List<T>();
        await foreach (var entity in StreamAsync<T>(context, model, statement, columns, cancellationToken).ConfigureAwait(false))
            list.Add(entity);
        return list;
    }

    /// <summary>The rows as a typed list that the model's reader creates (for includes, where the entity type is not known statically).</summary>
    public static async Task<IList> QueryUntypedAsync(StrataContext context, ModelInfo model, Statement statement, ColumnSet columns, CancellationToken cancellationToken)
    {
        var list = model.Reader.NewList();
        await foreach (var entity in StreamAsync<IStrataEntity>(context, model, statement, columns, cancellationToken).ConfigureAwait(false))
            list.Add(entity);
        return list;
    }

    public static async IAsyncEnumerable<T> StreamAsync<T>(StrataContext context, ModelInfo model, Statement statement, ColumnSet columns,
        [EnumeratorCancellation] CancellationToken cancellationToken) where T : class, IStrataEntity
    {
        var lease = await context.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            long started = Stopwatch.GetTimestamp();
            DbCommand? command = null;
            DbDataReader reader;
            try
            {
                command = context.CreateCommand(lease, statement, model);
                reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (StrataContext.IsDriverFailure(e, cancellationToken))
            {
                context.LogFailed(statement, started, e);
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
                while (await ReadAsync(context, lease, model, reader, cancellationToken).ConfigureAwait(false))
                    yield return (T)ReadRow(model, model.Reader, reader, columns, values);
                finished = true;
            }
            finally
            {
                // Closing the reader of a broken connection fails too: after all rows that is the error to
                // report (typed); while another error is on its way out, it must not replace it.
                try { await reader.DisposeAsync().ConfigureAwait(false); }
                catch (Exception e) when (finished && StrataContext.IsDriverFailure(e, cancellationToken)) { throw context.Fail(lease, e, model); }
                catch (Exception e) when (!finished && StrataContext.IsDriverFailure(e, cancellationToken)) { lease.Failed = true; }
                finally { await lease.ReleaseAsync(command!).ConfigureAwait(false); }
            }
            context.LogExecuted(statement, started);
        }
        finally
        {
            await context.ReleaseAsync(lease).ConfigureAwait(false);
        }
    }

    public static Task<int> ExecuteAsync(StrataContext context, ModelInfo? model, Statement statement, CancellationToken cancellationToken) =>
        RunAsync(context, model, statement, command => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);

    public static Task<long> CountAsync(StrataContext context, ModelInfo model, Statement statement, CancellationToken cancellationToken) =>
        RunAsync(context, model, statement, async command =>
            Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>Reads raw rows (join tables), each value in a canonical key form.</summary>
    public static Task<List<object?[]>> QueryRowsAsync(StrataContext context, Statement statement, int width, CancellationToken cancellationToken) =>
        RunAsync(context, null, statement, async command =>
        {
            var rows = new List<object?[]>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = new object?[width];
                for (int i = 0; i < width; i++) row[i] = reader.IsDBNull(i) ? null : Keys.Canonical(reader.GetValue(i));
                rows.Add(row);
            }
            return rows;
        }, cancellationToken);

    /// <summary>Runs one command on the context's connection: logs it, and turns a driver error into a <see cref="StrataException"/>.</summary>
    private static async Task<T> RunAsync<T>(StrataContext context, ModelInfo? model, Statement statement, Func<DbCommand, Task<T>> run, CancellationToken cancellationToken)
    {
        var lease = await context.OpenAsync(cancellationToken).ConfigureAwait(false);
        DbCommand? command = null;
        long started = Stopwatch.GetTimestamp();
        try
        {
            command = context.CreateCommand(lease, statement, model);
            var result = await run(command).ConfigureAwait(false);
            context.LogExecuted(statement, started);
            return result;
        }
        catch (Exception e) when (StrataContext.IsDriverFailure(e, cancellationToken))
        {
            context.LogFailed(statement, started, e);
            throw context.Fail(lease, e, model);
        }
        finally
        {
            if (command != null) await lease.ReleaseAsync(command).ConfigureAwait(false);
            await context.ReleaseAsync(lease).ConfigureAwait(false);
        }
    }

    private static async ValueTask<bool> ReadAsync(StrataContext context, Connections.ConnectionLease lease, ModelInfo model, DbDataReader reader, CancellationToken cancellationToken)
    {
        try { return await reader.ReadAsync(cancellationToken).ConfigureAwait(false); }
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

    public static object? Of(IStrataEntity entity, int[] columns)
    {
        if (columns.Length == 1) return Canonical(entity.GetColumnValue(columns[0]));
        var parts = new object?[columns.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = Canonical(entity.GetColumnValue(columns[i]));
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
