using System.Globalization;
using Strata.Migrate.Locking;

namespace Strata.Cli.Commands;

/// <summary>
/// Says on standard error that a deploy waits for another migration run to release the deploy
/// lock, and for how long, so that a waiting deploy does not look like a hung one. Written at
/// once, like <see cref="ApplyProgress"/>.
/// </summary>
internal sealed class LockWaitProgress(CliContext context) : IProgress<LockWait>
{
    public void Report(LockWait value) =>
        context.Error.WriteLine($"Waiting for another migration run to finish ({((int)value.Waited.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s)...");
}
