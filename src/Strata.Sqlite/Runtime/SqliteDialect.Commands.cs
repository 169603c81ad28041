using System.Data.Common;

namespace Strata.Sqlite.Runtime;

/// <remarks>
/// Microsoft.Data.Sqlite's asynchronous methods run synchronously (SQLite has no asynchronous I/O)
/// and its documentation advises calling the synchronous ones: they do the same work, without the
/// tasks the asynchronous ones allocate around it (two per reader: the driver's and the base
/// class's). The token is looked at before each call, as the asynchronous methods do.
/// </remarks>
public sealed partial class SqliteDialect
{
    /// <inheritdoc />
    public override ValueTask<DbDataReader> ExecuteReaderAsync(DbCommand command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(command.ExecuteReader());
    }

    /// <inheritdoc />
    public override ValueTask<int> ExecuteNonQueryAsync(DbCommand command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(command.ExecuteNonQuery());
    }

    /// <inheritdoc />
    public override ValueTask<object?> ExecuteScalarAsync(DbCommand command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(command.ExecuteScalar());
    }

    /// <inheritdoc />
    public override ValueTask<bool> ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(reader.Read());
    }
}
