using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>The retry policy's pauses and the checks on transaction options, which run before any connection is taken.</summary>
public class TransactionRetryTests : ClientTest
{
    [Fact]
    public void Pauses_grow_exponentially_up_to_the_cap_with_a_random_upper_half()
    {
        var retry = new TransactionRetry { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(300) };
        for (int n = 1; n <= 12; n++)
        {
            double ceiling = Math.Min(300, 10 * Math.Pow(2, n - 1));
            var pauses = Enumerable.Range(0, 200).Select(_ => retry.DelayBefore(n).TotalMilliseconds).ToList();
            Assert.All(pauses, p => Assert.InRange(p, ceiling / 2, ceiling));
            Assert.True(pauses.Distinct().Count() > 100, $"retry {n}: the pauses are not spread"); // jitter
        }
        Assert.Equal(TimeSpan.Zero, new TransactionRetry { BaseDelay = TimeSpan.Zero }.DelayBefore(3));
    }

    [Theory, MemberData(nameof(Providers))]
    public Task Options_out_of_range_fail_before_the_body_runs(StrataProvider provider) => WithClient(provider, async db =>
    {
        bool ran = false;
        Task Run(TransactionOptions options) => db.TransactionAsync(async tx => { ran = true; await tx.Users.CountAsync(); }, options);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Run(new() { Timeout = TimeSpan.Zero }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Run(new() { MaxWait = TimeSpan.FromSeconds(-1) }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Run(new() { Retry = new TransactionRetry { MaxAttempts = 0 } }));
        Assert.False(ran);
        // A span past what a timer holds is no limit.
        Assert.Equal(0, await db.TransactionAsync(tx => tx.Users.CountAsync(), new TransactionOptions { Timeout = TimeSpan.MaxValue, MaxWait = TimeSpan.MaxValue }));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Only_write_conflicts_are_retried(StrataProvider provider) => WithClient(provider, async db =>
    {
        int runs = 0;
        await Assert.ThrowsAsync<UniqueConstraintException>(() => db.TransactionAsync(async tx =>
        {
            runs++;
            await tx.Users.CreateAsync(new UserCreate { Email = "a@example.com" });
            await tx.Users.CreateAsync(new UserCreate { Email = "a@example.com" });
        }, new TransactionOptions { Retry = new TransactionRetry { MaxAttempts = 5 } }));
        Assert.Equal(1, runs);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.TransactionAsync(async tx =>
        {
            runs++;
            await tx.Users.CountAsync();
            throw new InvalidOperationException("the application's own");
        }, new TransactionOptions { Retry = new TransactionRetry { MaxAttempts = 5 } }));
        Assert.Equal(2, runs);
        Assert.Equal(0, await db.Users.CountAsync());
    });
}
