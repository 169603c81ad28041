namespace Strata;

/// <summary>
/// How often, and after what pauses, a transaction that failed with a write conflict runs again. Each
/// retry runs the whole body again on a new transaction, so the body must do nothing outside the database
/// that cannot be repeated. The pause before retry <c>n</c> (1, 2, ...) is
/// <see cref="BaseDelay"/> · 2<sup>n-1</sup>, at most <see cref="MaxDelay"/>, of which a random half is
/// left out, so that transactions that conflicted once do not meet again at the same moment.
/// </summary>
public sealed record TransactionRetry
{
    /// <summary>How many times the body runs at most, the first included (5 by default; at least 1).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The pause before the first retry, before its random part (10 ms by default).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest pause between attempts (500 ms by default).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The pause before retry <paramref name="retry"/> (1 for the first): exponential, capped, with its upper half random.</summary>
    internal TimeSpan DelayBefore(int retry)
    {
        double ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30)));
        if (ceiling <= 0) return TimeSpan.Zero;
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    internal void Validate()
    {
        if (MaxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "A transaction runs at least once.");
        if (BaseDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(BaseDelay), "Pauses between attempts cannot be negative.");
    }
}
