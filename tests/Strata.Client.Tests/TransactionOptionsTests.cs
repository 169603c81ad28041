using System.Data;
using Npgsql;
using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>TransactionAsync's options: isolation levels per provider, the time limit, the wait for a connection, the client's defaults.</summary>
public class TransactionOptionsTests : ClientTest
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    [Fact]
    public Task PostgreSQL_runs_each_level_it_has_and_refuses_chaos_before_anything_runs() => WithClient(StrataProvider.PostgreSql, async db =>
    {
        (IsolationLevel Level, string Server)[] levels =
        [
            (IsolationLevel.ReadUncommitted, "read uncommitted"), (IsolationLevel.ReadCommitted, "read committed"),
            (IsolationLevel.RepeatableRead, "repeatable read"), (IsolationLevel.Snapshot, "repeatable read"),
            (IsolationLevel.Serializable, "serializable"),
        ];
        foreach (var (level, server) in levels)
        {
            var seen = await db.TransactionAsync(async tx => (await tx.QueryRawAsync<string>($"SHOW transaction_isolation")).Single(),
                new TransactionOptions { IsolationLevel = level });
            Assert.Equal(server, seen);
        }
        Assert.Equal("read committed", await db.TransactionAsync(async tx => (await tx.QueryRawAsync<string>($"SHOW transaction_isolation")).Single()));
        await RefusedLevel(db, IsolationLevel.Chaos);
    });

    [Fact]
    public Task SQLite_runs_serializable_and_refuses_the_levels_it_lacks() => WithClient(StrataProvider.Sqlite, async db =>
    {
        await db.TransactionAsync(tx => tx.Users.CreateAsync(new UserCreate { Email = "s@example.com" }), new TransactionOptions { IsolationLevel = IsolationLevel.Serializable });
        await db.TransactionAsync(tx => tx.Users.CountAsync(), IsolationLevel.Serializable);
        foreach (var level in new[] { IsolationLevel.ReadUncommitted, IsolationLevel.ReadCommitted, IsolationLevel.RepeatableRead, IsolationLevel.Snapshot, IsolationLevel.Chaos })
        {
            var error = await RefusedLevel(db, level);
            Assert.Contains("Serializable", error.Message);
        }
        // The overload with a bare level takes the same rule.
        var old = await Assert.ThrowsAsync<TransactionException>(() => db.TransactionAsync(tx => tx.Users.CountAsync(), IsolationLevel.ReadCommitted));
        Assert.Equal(TransactionFailure.IsolationLevelUnsupported, old.Failure);
        Assert.Equal(1, await db.Users.CountAsync());
    });

    private static async Task<TransactionException> RefusedLevel(BlogDb db, IsolationLevel level)
    {
        bool ran = false;
        var error = await Assert.ThrowsAsync<TransactionException>(() => db.TransactionAsync(async tx =>
        {
            ran = true;
            await tx.Users.CreateAsync(new UserCreate { Email = "never@example.com" });
        }, new TransactionOptions { IsolationLevel = level }));
        Assert.Equal((ErrorCodes.TransactionError, TransactionFailure.IsolationLevelUnsupported), (error.Code, error.Failure));
        Assert.Contains(level.ToString(), error.Message);
        Assert.False(ran);
        return error;
    }

    [Theory, MemberData(nameof(Providers))]
    public Task Past_its_time_limit_a_transaction_is_rolled_back_at_once_and_every_later_use_fails(StrataProvider provider) => WithClient(provider, async db =>
    {
        var user = await db.Users.CreateAsync(new UserCreate { Email = "held@example.com", Age = 1 });
        BlogDb? leaked = null;
        TransactionException? inside = null;
        var error = await Assert.ThrowsAsync<TransactionException>(() => db.TransactionAsync(async tx =>
        {
            leaked = tx;
            await tx.Users.UpdateAsync(u => u.Id == user.Id, new UserUpdate { Age = 2 }); // holds the row (PostgreSQL) or the database (SQLite)
            await tx.Users.CreateAsync(new UserCreate { Email = "lost@example.com" });
            inside = await UntilExpired(tx);
            // The body still runs, and the rollback has let go of what the transaction held: another connection writes.
            await db.Users.UpdateAsync(u => u.Id == user.Id, new UserUpdate { Name = "other" });
            // The body swallows the error and returns: the commit is refused all the same.
        }, new TransactionOptions { Timeout = Short }));
        Assert.Equal((ErrorCodes.TransactionError, TransactionFailure.Expired), (inside!.Code, inside.Failure));
        Assert.Contains("expired transaction", inside.Message);
        Assert.Equal(TransactionFailure.Expired, error.Failure);
        Assert.Contains("A commit cannot be executed", error.Message);
        var after = await Assert.ThrowsAsync<TransactionException>(() => leaked!.Users.CountAsync());
        Assert.Equal(TransactionFailure.Expired, after.Failure);
        var stored = await db.Users.FindUniqueOrThrowAsync(u => u.Id == user.Id);
        Assert.Equal((1, "other"), (stored.Age, stored.Name));
        Assert.Equal(1, await db.Users.CountAsync());
    });

    [Fact]
    public Task A_statement_running_when_the_time_runs_out_finishes_and_the_rollback_follows_it() => WithClient(StrataProvider.PostgreSql, async db =>
    {
        BlogDb? leaked = null;
        var error = await Assert.ThrowsAsync<TransactionException>(() => db.TransactionAsync(async tx =>
        {
            leaked = tx;
            await tx.Users.CreateAsync(new UserCreate { Email = "lost@example.com" });
            // Runs past the 300 ms limit: it is not cut short, and its result comes back.
            Assert.Equal([1], await tx.QueryRawAsync<int>($"SELECT 1 FROM pg_sleep(1)"));
            await tx.Users.CountAsync();
        }, new TransactionOptions { Timeout = Short }));
        Assert.Equal(TransactionFailure.Expired, error.Failure);
        Assert.Contains("A query cannot be executed", error.Message);
        Assert.Equal(TransactionFailure.Expired, (await Assert.ThrowsAsync<TransactionException>(() => leaked!.Users.CountAsync())).Failure);
        Assert.Equal(0, await db.Users.CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task A_body_that_rethrows_the_expiry_gets_it_back_and_the_client_goes_on(StrataProvider provider) => WithClient(provider, async db =>
    {
        var error = await Assert.ThrowsAsync<TransactionException>(() => db.TransactionAsync(async tx =>
        {
            await tx.Users.CreateAsync(new UserCreate { Email = "lost@example.com" });
            throw await UntilExpired(tx);
        }, new TransactionOptions { Timeout = Short }));
        Assert.Equal(TransactionFailure.Expired, error.Failure);
        Assert.Equal(0, await db.Users.CountAsync());
        await db.TransactionAsync(tx => tx.Users.CreateAsync(new UserCreate { Email = "next@example.com" }));
        Assert.Equal(1, await db.Users.CountAsync());
    });

    /// <summary>Uses the transaction until its time limit passes, and returns the error that use then gets (within a generous bound, never as an assertion on time).</summary>
    private static async Task<TransactionException> UntilExpired(BlogDb tx)
    {
        var give = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < give)
        {
            try { await tx.Users.CountAsync(); }
            catch (TransactionException e) { return e; }
            await Task.Delay(25);
        }
        throw new InvalidOperationException("The transaction did not expire.");
    }

    [Theory, MemberData(nameof(Providers))]
    public Task A_client_used_after_its_transaction_ended_fails_instead_of_running_elsewhere(StrataProvider provider) => WithClient(provider, async db =>
    {
        BlogDb? committed = null, rolledBack = null;
        await db.TransactionAsync(async tx => { committed = tx; await tx.Users.CreateAsync(new UserCreate { Email = "a@example.com" }); });
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.TransactionAsync(async tx => { rolledBack = tx; await tx.Users.CountAsync(); throw new InvalidOperationException("stop"); }));
        var afterCommit = await Assert.ThrowsAsync<TransactionException>(() => committed!.Users.CreateAsync(new UserCreate { Email = "b@example.com" }));
        Assert.Equal(TransactionFailure.Closed, afterCommit.Failure);
        Assert.Contains("committed transaction", afterCommit.Message);
        var afterRollback = await Assert.ThrowsAsync<TransactionException>(() => rolledBack!.Users.CountAsync());
        Assert.Contains("rolled back", afterRollback.Message);
        await Assert.ThrowsAsync<TransactionException>(() => committed!.TransactionAsync(tx => tx.Users.CountAsync()));
        Assert.Equal(1, await db.Users.CountAsync());
    });

    [Fact]
    public async Task With_every_connection_in_use_a_transaction_fails_after_its_max_wait_without_running()
    {
        await using var database = await TestDatabase.CreateAsync(StrataProvider.PostgreSql);
        // The pool itself would wait 30 s: the transaction's own wait is what ends it.
        var url = new NpgsqlConnectionStringBuilder(database.Url) { MaxPoolSize = 1, Timeout = 30 }.ConnectionString;
        await using var db = new BlogDb(url);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = db.TransactionAsync(async tx =>
        {
            await tx.Users.CreateAsync(new UserCreate { Email = "holder@example.com" });
            holding.SetResult();
            await release.Task;
        }, new TransactionOptions { Timeout = Timeout.InfiniteTimeSpan });
        await holding.Task;
        bool ran = false;
        var error = await Assert.ThrowsAsync<TransactionException>(() => db.TransactionAsync(async tx =>
        {
            ran = true;
            await tx.Users.CountAsync();
        }, new TransactionOptions { MaxWait = Short }));
        Assert.Equal((ErrorCodes.TransactionError, TransactionFailure.StartTimedOut), (error.Code, error.Failure));
        Assert.Contains("Unable to start a transaction in the given time", error.Message);
        Assert.False(ran);
        release.SetResult();
        await holder;
        Assert.Equal(1, await db.TransactionAsync(tx => tx.Users.CountAsync(), new TransactionOptions { MaxWait = Short }));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_clients_transaction_options_apply_where_a_call_sets_none(StrataProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Client(new StrataOptions { Transactions = new TransactionOptions { Timeout = Short, IsolationLevel = IsolationLevel.Serializable } });
        var expired = await Assert.ThrowsAsync<TransactionException>(() => db.TransactionAsync(async tx => { await UntilExpired(tx); }));
        Assert.Equal(TransactionFailure.Expired, expired.Failure);
        // A call's own options win over the client's, property by property.
        var seen = await db.TransactionAsync(async tx =>
        {
            await Task.Delay(Short * 2);
            return await tx.Users.CountAsync();
        }, new TransactionOptions { Timeout = Timeout.InfiniteTimeSpan });
        Assert.Equal(0, seen);
        if (provider == StrataProvider.PostgreSql)
            Assert.Equal("serializable", await db.TransactionAsync(async tx => (await tx.QueryRawAsync<string>($"SHOW transaction_isolation")).Single()));
    }
}
