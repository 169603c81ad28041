using System.Data;
using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>BatchAsync: operations run in order in one transaction, their results in order, all rolled back when one fails.</summary>
public class BatchTests : ClientTest
{
    [Theory, MemberData(nameof(Providers))]
    public Task Operations_run_in_order_and_their_results_come_back_in_order(StrataProvider provider) => WithClient(provider, async db =>
    {
        var (ann, bob, count, emails) = await db.BatchAsync(
            b => b.Users.CreateAsync(new UserCreate { Email = "ann@example.com" }),
            b => b.Users.CreateAsync(new UserCreate { Email = "bob@example.com" }),
            b => b.Users.CountAsync(), // sees the two creates before it
            b => b.Users.OrderBy(u => u.Email.Desc()).FindManyAsync());
        Assert.Equal(("ann@example.com", "bob@example.com", 2), (ann.Email, bob.Email, count));
        Assert.Equal(S("bob@example.com", "ann@example.com"), emails.Select(u => u.Email).ToArray());

        var created = await db.BatchAsync(Enumerable.Range(0, 5).Select(i =>
            (Func<BlogDb, Task<User>>)(b => b.Users.CreateAsync(new UserCreate { Email = $"u{i}@example.com", Age = i }))));
        Assert.Equal([0, 1, 2, 3, 4], created.Select(u => u.Age!.Value).ToArray());
        Assert.Equal(7, await db.Users.CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task A_failing_operation_rolls_back_those_before_it_and_those_after_never_run(StrataProvider provider) => WithClient(provider, async db =>
    {
        bool third = false;
        await Assert.ThrowsAsync<UniqueConstraintException>(() => db.BatchAsync(
            b => b.Users.CreateAsync(new UserCreate { Email = "a@example.com" }),
            b => b.Users.CreateAsync(new UserCreate { Email = "a@example.com" }),
            b => { third = true; return b.Users.CountAsync(); }));
        Assert.False(third);
        Assert.Equal(0, await db.Users.CountAsync());
        await Assert.ThrowsAsync<UniqueConstraintException>(() => db.BatchAsync(new Func<BlogDb, Task<User>>[]
        {
            b => b.Users.CreateAsync(new UserCreate { Email = "b@example.com" }),
            b => b.Users.CreateAsync(new UserCreate { Email = "b@example.com" }),
        }));
        Assert.Equal(0, await db.Users.CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task A_batch_takes_transaction_options_and_inside_a_transaction_is_a_savepoint(StrataProvider provider) => WithClient(provider, async db =>
    {
        var (user, count) = await db.BatchAsync(
            b => b.Users.CreateAsync(new UserCreate { Email = "a@example.com" }),
            b => b.Users.CountAsync(),
            new TransactionOptions { IsolationLevel = IsolationLevel.Serializable, Retry = new TransactionRetry() });
        Assert.Equal(("a@example.com", 1), (user.Email, count));
        await db.TransactionAsync(async tx =>
        {
            await Assert.ThrowsAsync<UniqueConstraintException>(() => tx.BatchAsync(
                b => b.Users.CreateAsync(new UserCreate { Email = "b@example.com" }),
                b => b.Users.CreateAsync(new UserCreate { Email = "a@example.com" })));
            await tx.Users.CreateAsync(new UserCreate { Email = "c@example.com" });
        });
        Assert.Equal(2, await db.Users.CountAsync());
    });
}
