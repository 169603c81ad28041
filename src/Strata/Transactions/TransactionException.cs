namespace Strata;

/// <summary>Why a transaction failed as a transaction (<see cref="TransactionException.Failure"/>).</summary>
public enum TransactionFailure
{
    /// <summary>No connection became free within <see cref="TransactionOptions.MaxWait"/>; the body did not run.</summary>
    StartTimedOut,
    /// <summary><see cref="TransactionOptions.Timeout"/> passed: the transaction was rolled back.</summary>
    Expired,
    /// <summary>The transaction's client was used after the transaction committed or rolled back.</summary>
    Closed,
    /// <summary>The database has no such isolation level (SQLite has only Serializable).</summary>
    IsolationLevelUnsupported,
    /// <summary>
    /// A nested transaction (a savepoint) was misused: it asked for options only the outermost transaction
    /// takes, or an outer client ran a statement, or a second nested transaction started, while one was open.
    /// </summary>
    NestingMisused,
    /// <summary>
    /// A statement of the transaction failed earlier and PostgreSQL refuses every later one until the
    /// rollback. Run a statement that may fail in a nested <c>TransactionAsync</c> (a savepoint) to go on after it.
    /// </summary>
    Aborted,
}

/// <summary>
/// A transaction could not start in time, ran past its time limit, was used after it ended, or was asked
/// for something it cannot do: Prisma's "Transaction API error" (P2028, <see cref="ErrorCodes.TransactionError"/>).
/// </summary>
public sealed class TransactionException(TransactionFailure failure, string message, Exception? inner = null)
    : StrataException(ErrorCodes.TransactionError, message, inner)
{
    /// <summary>What went wrong.</summary>
    public TransactionFailure Failure { get; } = failure;
}

/// <summary>
/// A transaction could not complete because of a concurrent one (P2034, <see cref="ErrorCodes.WriteConflict"/>):
/// a serialization failure (PostgreSQL 40001), a deadlock (40P01), or a database another connection held
/// locked past the busy timeout (SQLite). Run the transaction again, or let <see cref="TransactionOptions.Retry"/> do it.
/// </summary>
public sealed class WriteConflictException(string message, Exception? inner, int attempts = 1)
    : StrataException(ErrorCodes.WriteConflict, message, inner)
{
    /// <summary>How many times the transaction ran and conflicted: more than 1 when retries ran out.</summary>
    public int Attempts { get; } = attempts;
}
