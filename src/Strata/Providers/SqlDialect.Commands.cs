using System.Data.Common;

namespace Strata.Providers;

public abstract partial class SqlDialect
{
    /// <summary>
    /// Called once for each new command, its SQL set, before it first runs on its connection (a kept
    /// command is not new when it runs again): a provider readies the connection for what the SQL
    /// uses. Nothing by default.
    /// </summary>
    public virtual void PrepareNewCommand(DbCommand command) { }

    /// <summary>
    /// Runs <paramref name="command"/> for its rows. A driver whose asynchronous methods do the work
    /// synchronously anyway overrides this (and the methods below) with the synchronous call, which
    /// gives the same result without a task per call.
    /// </summary>
    public virtual ValueTask<DbDataReader> ExecuteReaderAsync(DbCommand command, CancellationToken cancellationToken) =>
        new(command.ExecuteReaderAsync(cancellationToken));

    /// <summary>Runs <paramref name="command"/> and gives the number of rows it changed (see <see cref="ExecuteReaderAsync"/>).</summary>
    public virtual ValueTask<int> ExecuteNonQueryAsync(DbCommand command, CancellationToken cancellationToken) =>
        new(command.ExecuteNonQueryAsync(cancellationToken));

    /// <summary>Runs <paramref name="command"/> and gives the first column of its first row (see <see cref="ExecuteReaderAsync"/>).</summary>
    public virtual ValueTask<object?> ExecuteScalarAsync(DbCommand command, CancellationToken cancellationToken) =>
        new(command.ExecuteScalarAsync(cancellationToken));

    /// <summary>Moves <paramref name="reader"/> to its next row (see <see cref="ExecuteReaderAsync"/>).</summary>
    public virtual ValueTask<bool> ReadAsync(DbDataReader reader, CancellationToken cancellationToken) =>
        new(reader.ReadAsync(cancellationToken));
}
