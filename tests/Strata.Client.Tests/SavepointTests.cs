using System.Data;
using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>A TransactionAsync inside a transaction is a savepoint: rolled back alone when its body throws, released when it returns.</summary>
public class SavepointTests : ClientTest
{
    private static async Task<string[]> Emails(BlogDb db) => (await db.Users.OrderBy(u => u.Email.Asc()).FindManyAsync()).Select(u => u.Email).ToArray();

    [Theory, MemberData(nameof(Providers))]
    public Task A_failing_nested_transaction_is_rolled_back_alone_and_the_outer_goes_on(StrataProvider provider) => WithClient(provider, async db =>
    {
        await db.TransactionAsync(async tx =>
        {
            await tx.Users.CreateAsync(new UserCreate { Email = "a@example.com" });
            await Assert.ThrowsAsync<InvalidOperationException>(() => tx.TransactionAsync(async inner =>
            {
                await inner.Users.CreateAsync(new UserCreate { Email = "b@example.com" });
                Assert.Equal(2, await inner.Users.CountAsync());
                throw new InvalidOperationException("undo b");
            }));
            Assert.Equal(1, await tx.Users.CountAsync());
            await tx.Users.CreateAsync(new UserCreate { Email = "c@example.com" });
        });
        Assert.Equal(S("a@example.com", "c@example.com"), await Emails(db));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task A_database_error_in_a_nested_transaction_leaves_the_outer_usable(StrataProvider provider) => WithClient(provider, async db =>
    {
        // On PostgreSQL a failed statement aborts the whole transaction; the savepoint's rollback is what lets the outer go on.
        await db.TransactionAsync(async tx =>
        {
            await tx.Users.CreateAsync(new UserCreate { Email = "a@example.com" });
            var clash = await Assert.ThrowsAsync<UniqueConstraintException>(() => tx.TransactionAsync(inner =>
                inner.Users.CreateAsync(new UserCreate { Email = "a@example.com" })));
            Assert.Equal(S("email"), clash.Fields.ToArray());
            await tx.Users.CreateAsync(new UserCreate { Email = "b@example.com" });
        });
        Assert.Equal(S("a@example.com", "b@example.com"), await Emails(db));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Without_a_savepoint_a_failed_statement_ends_a_PostgreSQL_transaction_but_not_a_SQLite_or_MySQL_one(StrataProvider provider) => WithClient(provider, async db =>
    {
        var outcome = await Record.ExceptionAsync(() => db.TransactionAsync(async tx =>
        {
            await tx.Users.CreateAsync(new UserCreate { Email = "a@example.com" });
            await Assert.ThrowsAsync<UniqueConstraintException>(() => tx.Users.CreateAsync(new UserCreate { Email = "a@example.com" }));
            // SQLite and MySQL undo the failed statement alone; PostgreSQL refuses the rest of the transaction.
            await tx.Users.CreateAsync(new UserCreate { Email = "b@example.com" });
        }));
        if (provider != StrataProvider.PostgreSql)
        {
            Assert.Null(outcome);
            Assert.Equal(S("a@example.com", "b@example.com"), await Emails(db));
            return;
        }
        var aborted = Assert.IsType<TransactionException>(outcome);
        Assert.Equal((ErrorCodes.TransactionError, TransactionFailure.Aborted), (aborted.Code, aborted.Failure));
        Assert.Contains("savepoint", aborted.Message);
        Assert.Equal("25P02", Assert.IsType<Npgsql.PostgresException>(aborted.InnerException).SqlState);
        Assert.Equal(0, await db.Users.CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Released_nested_work_commits_with_the_outer_and_rolls_back_with_it(StrataProvider provider) => WithClient(provider, async db =>
    {
        var (nested, deeper) = await db.TransactionAsync(async tx =>
        {
            var user = await tx.TransactionAsync(inner => inner.Users.CreateAsync(new UserCreate { Email = "a@example.com" }));
            var count = await tx.TransactionAsync(async inner =>
            {
                await inner.TransactionAsync(deepest => deepest.Users.CreateAsync(new UserCreate { Email = "b@example.com" }));
                await Assert.ThrowsAsync<InvalidOperationException>(() => inner.TransactionAsync(async deepest =>
                {
                    await deepest.Users.CreateAsync(new UserCreate { Email = "x@example.com" });
                    throw new InvalidOperationException("undo x");
                }));
                return await inner.Users.CountAsync();
            });
            return (user.Email, count);
        });
        Assert.Equal(("a@example.com", 2), (nested, deeper));
        Assert.Equal(S("a@example.com", "b@example.com"), await Emails(db));

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.TransactionAsync(async tx =>
        {
            await tx.TransactionAsync(inner => inner.Users.CreateAsync(new UserCreate { Email = "c@example.com" }));
            throw new InvalidOperationException("undo all");
        }));
        Assert.Equal(S("a@example.com", "b@example.com"), await Emails(db));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task A_nested_transaction_takes_no_options_of_its_own(StrataProvider provider) => WithClient(provider, async db =>
    {
        TransactionOptions[] refused =
        [
            new() { IsolationLevel = provider == StrataProvider.Sqlite ? IsolationLevel.ReadCommitted : IsolationLevel.RepeatableRead },
            new() { Timeout = TimeSpan.FromSeconds(1) },
            new() { MaxWait = TimeSpan.FromSeconds(1) },
            new() { Retry = new TransactionRetry() },
        ];
        await db.TransactionAsync(async tx =>
        {
            foreach (var options in refused)
            {
                bool ran = false;
                var error = await Assert.ThrowsAsync<TransactionException>(() => tx.TransactionAsync(async inner => { ran = true; await inner.Users.CountAsync(); }, options));
                Assert.Equal(TransactionFailure.NestingMisused, error.Failure);
                Assert.False(ran);
            }
            // The outer's own level is no change, so it is allowed.
            await tx.TransactionAsync(inner => inner.Users.CreateAsync(new UserCreate { Email = "a@example.com" }), IsolationLevel.Serializable);
            await tx.Users.CreateAsync(new UserCreate { Email = "b@example.com" });
        }, IsolationLevel.Serializable);
        Assert.Equal(2, await db.Users.CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task The_outer_client_cannot_run_a_statement_while_a_nested_transaction_is_open(StrataProvider provider) => WithClient(provider, async db =>
    {
        await db.TransactionAsync(async tx =>
        {
            await tx.TransactionAsync(async inner =>
            {
                await inner.Users.CreateAsync(new UserCreate { Email = "a@example.com" });
                var error = await Assert.ThrowsAsync<TransactionException>(() => tx.Users.CountAsync());
                Assert.Equal(TransactionFailure.NestingMisused, error.Failure);
                var sibling = await Assert.ThrowsAsync<TransactionException>(() => tx.TransactionAsync(other => other.Users.CountAsync()));
                Assert.Equal(TransactionFailure.NestingMisused, sibling.Failure);
            });
            Assert.Equal(1, await tx.Users.CountAsync()); // released: the outer's client runs again
        });
        Assert.Equal(1, await db.Users.CountAsync());
    });
}
