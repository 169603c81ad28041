using System.Data;
using System.Data.Common;
using Microsoft.Extensions.Logging;
using Strata.Connections;
using Strata.Execution;

namespace Strata.Transactions;

/// <summary>
/// Runs the body of a <c>TransactionAsync</c>: outside a transaction, in a new one on one connection
/// (committed when the body returns, rolled back when it throws, with its time limit, its wait for a
/// connection and its retries); inside one, in a savepoint that is released when the body returns and
/// rolled back alone when it throws.
/// </summary>
internal static class TransactionRunner
{
    public static Task<T> RunAsync<T>(StrataContext context, Func<StrataContext, Task<T>> body, TransactionOptions? options, CancellationToken cancellationToken)
    {
        if (context.Open is { } open) return InSavepointAsync(context, open, body, options, cancellationToken);
        var defaults = context.TransactionDefaults;
        var isolation = options?.IsolationLevel ?? defaults?.IsolationLevel;
        var timeout = Duration(options?.Timeout ?? defaults?.Timeout ?? TransactionOptions.DefaultTimeout, nameof(TransactionOptions.Timeout));
        var maxWait = Duration(options?.MaxWait ?? defaults?.MaxWait ?? TransactionOptions.DefaultMaxWait, nameof(TransactionOptions.MaxWait));
        var retry = options?.Retry ?? defaults?.Retry;
        retry?.Validate();
        if (isolation is { } level && level != IsolationLevel.Unspecified && !context.Dialect.IsolationLevels.Contains(level))
            throw new TransactionException(TransactionFailure.IsolationLevelUnsupported,
                $"{context.Dialect.Name} has no isolation level {level}; it takes {string.Join(", ", context.Dialect.IsolationLevels)}, or no level for the database's own.");
        var settings = new Settings(isolation, timeout, maxWait);
        return retry == null ? OnceAsync(context, body, settings, cancellationToken) : RetryingAsync(context, body, settings, retry, cancellationToken);
    }

    private static readonly Action<ILogger, int, double, string, Exception?> Retried =
        LoggerMessage.Define<int, double, string>(LogLevel.Information, new EventId(4, "TransactionRetried"),
            "Attempt {Attempt} of a transaction conflicted with a concurrent one; running it again in {PauseMilliseconds:0.#} ms: {Conflict}");

    private readonly record struct Settings(IsolationLevel? Isolation, TimeSpan Timeout, TimeSpan MaxWait);

    private static async Task<T> RetryingAsync<T>(StrataContext context, Func<StrataContext, Task<T>> body, Settings settings, TransactionRetry retry, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await OnceAsync(context, body, settings, cancellationToken).ConfigureAwait(false);
            }
            catch (StrataException conflict) when (conflict.Code == ErrorCodes.WriteConflict)
            {
                if (attempt >= retry.MaxAttempts)
                    throw new WriteConflictException(
                        $"The transaction conflicted with concurrent ones on each of its {attempt} attempts; the last conflict: {conflict.Message}", conflict, attempt) { Model = conflict.Model };
                var pause = retry.DelayBefore(attempt);
                if (context.Logger.IsEnabled(LogLevel.Information)) Retried(context.Logger, attempt, pause.TotalMilliseconds, conflict.Message, null);
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<T> OnceAsync<T>(StrataContext context, Func<StrataContext, Task<T>> body, Settings settings, CancellationToken cancellationToken)
    {
        var lease = await RentAsync(context, settings.MaxWait, cancellationToken).ConfigureAwait(false);
        try
        {
            DbTransaction transaction;
            try
            {
                transaction = await lease.Connection.BeginTransactionAsync(settings.Isolation ?? IsolationLevel.Unspecified, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (StrataContext.IsDriverFailure(e, cancellationToken))
            {
                throw context.Fail(lease, e, null);
            }
            await using var owned = transaction.ConfigureAwait(false);
            using var open = new OpenTransaction(lease, transaction, settings.Isolation, settings.Timeout, () => RollBackExpiredAsync(context, lease, transaction));
            T result;
            try
            {
                result = await body(context.Within(open, depth: 0)).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                if (await open.BeginRollbackAsync().ConfigureAwait(false) && !await context.RollbackAsync(transaction, e).ConfigureAwait(false)) lease.Failed = true;
                if (StrataContext.IsDriverFailure(e, cancellationToken)) throw context.Fail(lease, e, null);
                throw;
            }
            await open.BeginCommitAsync().ConfigureAwait(false);
            try
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (StrataContext.IsDriverFailure(e, cancellationToken))
            {
                throw context.Fail(lease, e, null);
            }
            finally
            {
                open.Committed();
            }
            return result;
        }
        finally
        {
            await context.ReleaseAsync(lease).ConfigureAwait(false);
        }
    }

    /// <summary>A connection for the transaction, waiting at most <paramref name="maxWait"/> (within the pool's own wait).</summary>
    private static async Task<ConnectionLease> RentAsync(StrataContext context, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (maxWait == Timeout.InfiniteTimeSpan) return await context.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(maxWait);
        try
        {
            return await context.OpenAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransactionException(TransactionFailure.StartTimedOut,
                $"Unable to start a transaction in the given time: no connection became free within its maximum wait of {maxWait.TotalMilliseconds:0} ms. Raise TransactionOptions.MaxWait or the connection limit, or keep transactions short.", e);
        }
    }

    /// <summary>The rollback when the time limit passed; a failed one closes the connection rather than lend it again.</summary>
    private static async Task RollBackExpiredAsync(StrataContext context, ConnectionLease lease, DbTransaction transaction)
    {
        if (!await context.RollbackAsync(transaction, new TimeoutException("The transaction ran past its time limit.")).ConfigureAwait(false)) lease.Failed = true;
    }

    private static async Task<T> InSavepointAsync<T>(StrataContext context, OpenTransaction open, Func<StrataContext, Task<T>> body, TransactionOptions? options, CancellationToken cancellationToken)
    {
        RefuseNestedOptions(open, options);
        int depth = open.Nest(context.Depth);
        var name = "strata_" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var transaction = open.Transaction;
        try
        {
            await StepAsync(context, open, depth, () => transaction.SaveAsync(name, cancellationToken), cancellationToken).ConfigureAwait(false);
            T result;
            try
            {
                result = await body(context.Within(open, depth)).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // An expired or ended transaction is rolled back whole; there is no savepoint left to return to.
                if (e is not TransactionException { Failure: TransactionFailure.Expired or TransactionFailure.Closed } && !open.IsExpired)
                {
                    try
                    {
                        await StepAsync(context, open, depth, async () =>
                        {
                            await transaction.RollbackAsync(name, CancellationToken.None).ConfigureAwait(false);
                            await transaction.ReleaseAsync(name, CancellationToken.None).ConfigureAwait(false);
                        }, CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (StrataException rollback)
                    {
                        context.LogRollbackFailed(e, rollback);
                    }
                }
                if (StrataContext.IsDriverFailure(e, cancellationToken)) throw context.Translate(e, null);
                throw;
            }
            await StepAsync(context, open, depth, () => transaction.ReleaseAsync(name, cancellationToken), cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally
        {
            open.Unnest(depth);
        }
    }

    /// <summary>Runs a savepoint statement as the nested transaction's own statement, its driver failure translated.</summary>
    private static async Task StepAsync(StrataContext context, OpenTransaction open, int depth, Func<Task> step, CancellationToken cancellationToken)
    {
        open.Enter(depth);
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (Exception e) when (StrataContext.IsDriverFailure(e, cancellationToken))
        {
            throw context.Translate(e, null);
        }
        finally
        {
            await open.LeaveAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A nested transaction lives inside the outer one: its level, time limit and retries are the outer's.</summary>
    private static void RefuseNestedOptions(OpenTransaction open, TransactionOptions? options)
    {
        if (options == null) return;
        string? refused = options.IsolationLevel is { } level && level != (open.Isolation ?? IsolationLevel.Unspecified) ? "an isolation level"
            : options.Timeout != null ? "a timeout"
            : options.MaxWait != null ? "a maximum wait"
            : options.Retry != null ? "retries"
            : null;
        if (refused != null)
            throw new TransactionException(TransactionFailure.NestingMisused,
                $"A nested TransactionAsync (a savepoint) cannot have {refused} of its own: it runs inside the outer transaction, with the outer's isolation level, time limit and retries. Give those to the outermost TransactionAsync.");
    }

    /// <summary>The longest span a timer takes; a longer one is no limit in practice (49 days).</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary><paramref name="value"/> checked: positive, or infinite (which a span past what a timer takes becomes).</summary>
    private static TimeSpan Duration(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(name, value, "A transaction's time limit and maximum wait are positive, or Timeout.InfiniteTimeSpan.");
        return value > LongestTimer ? Timeout.InfiniteTimeSpan : value;
    }
}
