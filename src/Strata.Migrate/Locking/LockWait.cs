namespace Strata.Migrate.Locking;

/// <summary>A deploy is waiting for another to release the deploy lock, and has waited <paramref name="Waited"/> so far.</summary>
public sealed record LockWait(TimeSpan Waited);
