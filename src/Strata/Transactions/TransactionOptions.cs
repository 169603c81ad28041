using System.Data;

namespace Strata;

/// <summary>
/// How a <c>TransactionAsync</c> runs: its isolation level, how long it may wait to start and to run,
/// and whether a write conflict runs it again. A property left null takes the client's
/// <see cref="StrataOptions.Transactions"/>, and where that is null too, the default named on it.
/// </summary>
public sealed record TransactionOptions
{
    /// <summary>The default <see cref="Timeout"/>: five seconds, as Prisma's interactive transactions.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The default <see cref="MaxWait"/>: two seconds, as Prisma's interactive transactions.</summary>
    public static readonly TimeSpan DefaultMaxWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The isolation level; null takes the database's own (Read Committed on PostgreSQL, Serializable on
    /// SQLite). PostgreSQL takes ReadUncommitted (which it runs as Read Committed), ReadCommitted,
    /// RepeatableRead, Snapshot (its Repeatable Read) and Serializable; SQLite only Serializable. A
    /// level the database lacks fails with <see cref="TransactionException"/> before anything runs.
    /// </summary>
    public IsolationLevel? IsolationLevel { get; init; }

    /// <summary>
    /// How long the transaction may run, from its start to its commit (<see cref="DefaultTimeout"/> when
    /// null). When it passes, the transaction is rolled back and each further use of its client, and the
    /// commit, fails with <see cref="TransactionException"/> (<see cref="TransactionFailure.Expired"/>).
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> sets no limit.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// How long to wait for a connection to run the transaction on (<see cref="DefaultMaxWait"/> when null);
    /// past it the call fails with <see cref="TransactionException"/> (<see cref="TransactionFailure.StartTimedOut"/>)
    /// and the body never runs. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits as long as the pool does.
    /// </summary>
    public TimeSpan? MaxWait { get; init; }

    /// <summary>
    /// Runs the whole body again when the transaction fails with a write conflict (<see cref="ErrorCodes.WriteConflict"/>:
    /// a serialization failure or deadlock on PostgreSQL, a busy or locked database on SQLite); null never retries.
    /// </summary>
    public TransactionRetry? Retry { get; init; }
}
