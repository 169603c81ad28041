using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Strata.Providers;

namespace Strata.Connections;

/// <summary>
/// Lends connections to operations. For a data source the client created from a URL, the pool is
/// the client's own: connections stay open between operations with their prepared commands (see
/// <see cref="ConnectionLease"/>), up to the provider's connection limit; one idle for five minutes
/// is closed. For an application's data source, each operation opens a connection from it and
/// disposes it after, so the application's pool and settings decide.
/// </summary>
internal sealed class ConnectionPool : IAsyncDisposable
{
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(5);
    private readonly DbDataSource _source;
    private readonly SqlDialect _dialect;
    private readonly bool _own;
    private readonly ConnectionLimits _limits;
    private readonly SemaphoreSlim? _slots;
    private readonly List<ConnectionLease> _idle = new(); // a stack: the most recently returned is lent first
    private bool _disposed;

    private ConnectionPool(DbDataSource source, SqlDialect dialect, bool own, ConnectionLimits limits)
    {
        _source = source;
        _dialect = dialect;
        _own = own;
        _limits = limits;
        if (own && limits.MaxConnections is { } max) _slots = new SemaphoreSlim(max, max);
    }

    /// <summary>The client's own pool over a data source it created.</summary>
    public static ConnectionPool Own(DbDataSource source, SqlDialect dialect, ConnectionLimits limits) => new(source, dialect, own: true, limits);

    /// <summary>A connection per operation from an application's data source, each prepared by the dialect once opened.</summary>
    public static ConnectionPool Borrowed(DbDataSource source, SqlDialect dialect) => new(source, dialect, own: false, ConnectionLimits.Unlimited);

    /// <summary>
    /// An open connection for one operation. Driver failures pass through untranslated (the context
    /// translates them); all connections in use past the wait gives P1008.
    /// </summary>
    public async ValueTask<ConnectionLease> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_slots != null && !await _slots.WaitAsync(_limits.WaitTimeout, cancellationToken).ConfigureAwait(false))
            throw new StrataException(ErrorCodes.Timeout,
                $"All {_limits.MaxConnections} of the client's connections stayed in use for {_limits.WaitTimeout.TotalSeconds:0.#} s. Raise the limit (connection_limit in the URL, Maximum Pool Size in a connection string) or keep operations and transactions short.");
        try
        {
            return TakeIdle() ?? await OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _slots?.Release();
            throw;
        }
    }

    /// <summary>Gives a lease back: kept for the next operation when it is still sound, else closed.</summary>
    public async ValueTask ReturnAsync(ConnectionLease lease)
    {
        ConnectionLease? stale = null;
        bool kept = false;
        if (lease.Failed && lease.Connection.State == ConnectionState.Open) Forget(lease);
        if (_own && !lease.Failed && lease.Connection.State == ConnectionState.Open)
        {
            lock (_idle)
            {
                if (!_disposed)
                {
                    lease.ReturnedAt = Stopwatch.GetTimestamp();
                    _idle.Add(lease);
                    kept = true;
                    // The least recently used connection sits at the bottom; close it once it has idled too long.
                    if (_idle.Count > 1 && Stopwatch.GetElapsedTime(_idle[0].ReturnedAt) > IdleLifetime)
                    {
                        stale = _idle[0];
                        _idle.RemoveAt(0);
                    }
                }
            }
        }
        try
        {
            if (!kept) await lease.CloseAsync().ConfigureAwait(false);
            if (stale != null) await stale.CloseAsync().ConfigureAwait(false);
        }
        finally
        {
            _slots?.Release();
        }
    }

    /// <summary>A failed statement's connection: what the driver prepared on it is dropped before the driver's pool gets it back.</summary>
    private void Forget(ConnectionLease lease)
    {
        try
        {
            _dialect.ForgetPrepared(lease.Connection);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or TimeoutException)
        {
            // The connection is being closed anyway; one the server dropped simply cannot be reset.
        }
    }

    /// <summary>Closes the idle connections; those in use are closed when they come back.</summary>
    public async ValueTask DisposeAsync()
    {
        ConnectionLease[] idle;
        lock (_idle)
        {
            _disposed = true;
            idle = _idle.ToArray();
            _idle.Clear();
        }
        foreach (var lease in idle) await lease.CloseAsync().ConfigureAwait(false);
    }

    private ConnectionLease? TakeIdle()
    {
        if (!_own) return null;
        lock (_idle)
        {
            if (_idle.Count == 0) return null;
            var lease = _idle[^1];
            _idle.RemoveAt(_idle.Count - 1);
            return lease;
        }
    }

    private async ValueTask<ConnectionLease> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _dialect.ConfigureOpened(connection);
            if (_own) return new ConnectionLease(connection, keepsCommands: true);
            await _dialect.PrepareConnectionAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new ConnectionLease(connection, keepsCommands: false);
    }
}
