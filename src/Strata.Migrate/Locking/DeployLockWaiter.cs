using System.Data.Common;
using System.Diagnostics;

namespace Strata.Migrate.Locking;

/// <summary>
/// Takes a deploy lock, waiting as long as another deploy holds it, and says so at a steady
/// interval: a deploy that seems to hang is far more alarming than one that says what it waits for.
/// </summary>
public static class DeployLockWaiter
{
    // The pause between two tries starts short, so that a lock held briefly is taken soon after it
    // is freed, and grows to a limit, so that a long wait does not keep the database busy.
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Takes <paramref name="deployLock"/> on <paramref name="connection"/>; while it is held
    /// elsewhere, reports the time waited to <paramref name="waiting"/> every <paramref name="reportEvery"/>.
    /// </summary>
    public static async Task AcquireAsync(IDeployLock deployLock, DbConnection connection, IProgress<LockWait>? waiting, TimeSpan reportEvery,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(reportEvery, TimeSpan.Zero);
        var clock = Stopwatch.StartNew();
        var nextReport = reportEvery;
        var retryDelay = FirstRetryDelay;
        while (!await deployLock.TryAcquireAsync(connection, cancellationToken))
        {
            if (clock.Elapsed >= nextReport)
            {
                waiting?.Report(new LockWait(clock.Elapsed));
                // One report per interval, even when a single try took longer than that.
                while (nextReport <= clock.Elapsed) nextReport += reportEvery;
            }
            await Task.Delay(retryDelay, cancellationToken);
            retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, LongestRetryDelay.Ticks));
        }
    }
}
