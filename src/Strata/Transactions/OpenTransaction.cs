using System.Data.Common;
using System.Diagnostics;
using Strata.Connections;

namespace Strata.Transactions;

/// <summary>
/// The life of one <c>TransactionAsync</c>: open, then committing or rolled back, or expired when its
/// time limit passes first. Every statement of the transaction's clients enters and leaves it, so that
/// a statement after the end fails clearly instead of running on a connection that has gone back to
/// the pool, and so that the rollback of an expired transaction never runs while a statement does: it
/// runs at once when none is running, else when the last one leaves. It also keeps the depth of the
/// open savepoints: only the innermost transaction's client may run statements.
/// </summary>
internal sealed class OpenTransaction : IDisposable
{
    private readonly object _gate = new();
    private readonly Func<Task> _rollback;
    private readonly TimeSpan _timeout;
    private readonly long _started = Stopwatch.GetTimestamp();
    private Timer? _timer;
    private Phase _phase = Phase.Open;
    private int _running;
    private int _depth;
    private Task? _expiredRollback;

    private enum Phase { Open, Expired, Committing, Committed, RolledBack }

    public OpenTransaction(ConnectionLease lease, DbTransaction transaction, System.Data.IsolationLevel? isolation, TimeSpan timeout, Func<Task> rollback)
    {
        Lease = lease;
        Transaction = transaction;
        Isolation = isolation;
        _timeout = timeout;
        _rollback = rollback;
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan)
            _timer = new Timer(static state => ((OpenTransaction)state!).Expire(), this, timeout, System.Threading.Timeout.InfiniteTimeSpan);
    }

    public ConnectionLease Lease { get; }

    public DbTransaction Transaction { get; }

    /// <summary>The isolation level the transaction asked for (null: the database's own).</summary>
    public System.Data.IsolationLevel? Isolation { get; }

    /// <summary>True once the time limit passed (the rollback has started or will when the running statement ends).</summary>
    public bool IsExpired
    {
        get { lock (_gate) return _phase == Phase.Expired; }
    }

    /// <summary>
    /// A statement (or a savepoint) of the client at savepoint <paramref name="depth"/> starts: refused
    /// when the transaction ended or expired, or when a nested transaction deeper than the client is open.
    /// </summary>
    public void Enter(int depth)
    {
        lock (_gate)
        {
            if (_phase != Phase.Open) throw Closed("A query");
            if (depth != _depth)
                throw new TransactionException(TransactionFailure.NestingMisused,
                    "A statement ran through an outer transaction's client while a nested TransactionAsync was open; use the client the nested transaction's body receives.");
            _running++;
        }
    }

    /// <summary>The statement that <see cref="Enter"/> admitted ended; the last one out of an expired transaction rolls it back.</summary>
    public ValueTask LeaveAsync()
    {
        Task? rollback = null;
        lock (_gate)
        {
            _running--;
            if (_running == 0 && _phase == Phase.Expired) rollback = _expiredRollback ??= Task.Run(_rollback);
        }
        return rollback == null ? ValueTask.CompletedTask : new ValueTask(rollback);
    }

    /// <summary>A nested transaction of the client at <paramref name="depth"/> opens its savepoint: the depth it takes.</summary>
    public int Nest(int depth)
    {
        lock (_gate)
        {
            if (_phase != Phase.Open) throw Closed("A nested transaction");
            if (depth != _depth)
                throw new TransactionException(TransactionFailure.NestingMisused,
                    "A nested TransactionAsync started while another nested one of the same transaction was open; nested transactions of one transaction run one at a time.");
            return ++_depth;
        }
    }

    /// <summary>The savepoint at <paramref name="depth"/> was released or rolled back.</summary>
    public void Unnest(int depth)
    {
        lock (_gate)
        {
            if (_depth == depth) _depth = depth - 1;
        }
    }

    /// <summary>The body returned: the commit may start, unless the transaction expired (then P2028, after its rollback).</summary>
    public async Task BeginCommitAsync()
    {
        Task? rollback;
        lock (_gate)
        {
            if (_phase == Phase.Open)
            {
                _phase = Phase.Committing;
                StopTimer();
                return;
            }
            rollback = _phase == Phase.Expired ? _expiredRollback ??= Task.Run(_rollback) : null;
        }
        if (rollback != null) await rollback.ConfigureAwait(false);
        throw Closed("A commit");
    }

    /// <summary>The commit ran (or failed: the transaction is over either way).</summary>
    public void Committed()
    {
        lock (_gate) _phase = Phase.Committed;
    }

    /// <summary>
    /// The body failed: true when the caller rolls back now; false when the transaction expired, after
    /// its rollback ended.
    /// </summary>
    public async Task<bool> BeginRollbackAsync()
    {
        Task? rollback;
        lock (_gate)
        {
            StopTimer();
            if (_phase == Phase.Open)
            {
                _phase = Phase.RolledBack;
                return true;
            }
            rollback = _phase == Phase.Expired ? _expiredRollback ??= Task.Run(_rollback) : null;
            _phase = Phase.RolledBack;
        }
        if (rollback != null) await rollback.ConfigureAwait(false);
        return false;
    }

    /// <summary>The error for a use of the transaction that can no longer run (<paramref name="what"/>: "A query", "A commit").</summary>
    public TransactionException Closed(string what)
    {
        Phase phase;
        lock (_gate) phase = _phase;
        if (phase == Phase.Expired || (phase == Phase.RolledBack && _expiredRollback != null))
        {
            var elapsed = Stopwatch.GetElapsedTime(_started);
            return new TransactionException(TransactionFailure.Expired,
                $"Transaction already closed: {what} cannot be executed on an expired transaction. Its timeout was {_timeout.TotalMilliseconds:0} ms, and {elapsed.TotalMilliseconds:0} ms have passed since it started; it was rolled back. Raise TransactionOptions.Timeout or do less work in the transaction.");
        }
        return new TransactionException(TransactionFailure.Closed, phase == Phase.RolledBack
            ? $"Transaction already closed: {what} cannot be executed on a transaction that was rolled back. The client a TransactionAsync body receives is only for use inside the body."
            : $"Transaction already closed: {what} cannot be executed on a committed transaction. The client a TransactionAsync body receives is only for use inside the body.");
    }

    public void Dispose()
    {
        lock (_gate) StopTimer();
    }

    private void Expire()
    {
        lock (_gate)
        {
            if (_phase != Phase.Open) return;
            _phase = Phase.Expired;
            StopTimer();
            if (_running == 0) _expiredRollback ??= Task.Run(_rollback);
        }
    }

    private void StopTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }
}
