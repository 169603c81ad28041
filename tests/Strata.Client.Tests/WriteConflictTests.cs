using System.Data;
using Npgsql;
using Strata.Client.Tests.Blog;
using Xunit.Abstractions;

namespace Strata.Client.Tests;

/// <summary>
/// Concurrent read-modify-write transactions: a conflict is the typed P2034, and with retry every
/// transaction completes and no update is lost.
/// </summary>
public class WriteConflictTests(ITestOutputHelper output) : ClientTest
{
    private static readonly TransactionOptions Serializable = new() { IsolationLevel = IsolationLevel.Serializable };

    /// <summary>How many workers increment the counter at once; <c>STRATA_TX_WORKERS</c> for a longer run.</summary>
    private static int Workers => int.TryParse(Environment.GetEnvironmentVariable("STRATA_TX_WORKERS"), out var n) && n > 0 ? n : 64;

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async Task IncrementAsync(BlogDb tx, int id)
    {
        var counter = await tx.Users.FindUniqueOrThrowAsync(u => u.Id == id);
        await tx.Users.UpdateAsync(u => u.Id == id, new UserUpdate { Age = counter.Age + 1 });
    }

    /// <summary>
    /// PostgreSQL: A and B both read the counter under Serializable; A writes and commits; then B's write
    /// conflicts. Returns B's transaction (run with <paramref name="options"/>) and how often B's body ran.
    /// </summary>
    private static async Task<(Task B, Func<int> BodyRuns)> InterleaveOnPostgres(BlogDb db, int id, TransactionOptions options)
    {
        var aRead = Signal();
        var bRead = Signal();
        var aCommitted = Signal();
        int bRuns = 0;
        var a = db.TransactionAsync(async tx =>
        {
            var counter = await tx.Users.FindUniqueOrThrowAsync(u => u.Id == id);
            aRead.SetResult();
            await bRead.Task;
            await tx.Users.UpdateAsync(u => u.Id == id, new UserUpdate { Age = counter.Age + 1 });
        }, Serializable);
        var b = db.TransactionAsync(async tx =>
        {
            Interlocked.Increment(ref bRuns);
            await aRead.Task;
            var counter = await tx.Users.FindUniqueOrThrowAsync(u => u.Id == id);
            bRead.TrySetResult();
            await aCommitted.Task;
            await tx.Users.UpdateAsync(u => u.Id == id, new UserUpdate { Age = counter.Age + 1 });
        }, options);
        await a;
        aCommitted.SetResult();
        return (b, () => Volatile.Read(ref bRuns));
    }

    [Fact]
    public Task PostgreSQL_serializable_conflict_is_a_typed_P2034_and_with_retry_both_complete() => WithClient(StrataProvider.PostgreSql, async db =>
    {
        var counter = await db.Users.CreateAsync(new UserCreate { Email = "counter@example.com", Age = 0 });
        var (failing, _) = await InterleaveOnPostgres(db, counter.Id, Serializable);
        var conflict = await Assert.ThrowsAsync<WriteConflictException>(() => failing);
        Assert.Equal((ErrorCodes.WriteConflict, 1), (conflict.Code, conflict.Attempts));
        Assert.Equal("40001", Assert.IsType<PostgresException>(conflict.InnerException).SqlState);
        Assert.Equal(1, (await db.Users.FindUniqueOrThrowAsync(u => u.Id == counter.Id)).Age);

        var (retried, runs) = await InterleaveOnPostgres(db, counter.Id, Serializable with { Retry = new TransactionRetry() });
        await retried;
        Assert.Equal(2, runs());
        Assert.Equal(3, (await db.Users.FindUniqueOrThrowAsync(u => u.Id == counter.Id)).Age);
    });

    /// <summary>
    /// PostgreSQL: A locks row 1 and B row 2, then each wants the other's; the server ends one as the
    /// deadlock's victim (after its deadlock_timeout, 1 s). Each transaction adds one to both rows.
    /// </summary>
    private static (Task A, Task B) Deadlock(BlogDb db, int first, int second, TransactionOptions options)
    {
        var aHolds = Signal();
        var bHolds = Signal();
        async Task Cross(BlogDb tx, int mine, int theirs, TaskCompletionSource holding, TaskCompletionSource other)
        {
            await tx.Users.UpdateAsync(u => u.Id == mine, new UserUpdate { Age = Op.Increment(1) });
            holding.TrySetResult();
            await other.Task;
            await tx.Users.UpdateAsync(u => u.Id == theirs, new UserUpdate { Age = Op.Increment(1) });
        }
        return (db.TransactionAsync(tx => Cross(tx, first, second, aHolds, bHolds), options),
                db.TransactionAsync(tx => Cross(tx, second, first, bHolds, aHolds), options));
    }

    [Fact]
    public Task PostgreSQL_deadlock_is_a_typed_P2034_and_with_retry_both_complete() => WithClient(StrataProvider.PostgreSql, async db =>
    {
        var one = await db.Users.CreateAsync(new UserCreate { Email = "one@example.com", Age = 0 });
        var two = await db.Users.CreateAsync(new UserCreate { Email = "two@example.com", Age = 0 });
        var (a, b) = Deadlock(db, one.Id, two.Id, new TransactionOptions());
        var outcomes = await Task.WhenAll(Outcome(a), Outcome(b));
        var victim = Assert.IsType<WriteConflictException>(Assert.Single(outcomes, o => o != null));
        Assert.Equal("40P01", Assert.IsType<PostgresException>(victim.InnerException).SqlState);
        Assert.Equal(new[] { 1, 1 }, (await db.Users.OrderBy(u => u.Id.Asc()).FindManyAsync()).Select(u => u.Age!.Value).ToArray());

        (a, b) = Deadlock(db, one.Id, two.Id, new TransactionOptions { Retry = new TransactionRetry() });
        await Task.WhenAll(a, b);
        Assert.Equal(new[] { 3, 3 }, (await db.Users.OrderBy(u => u.Id.Asc()).FindManyAsync()).Select(u => u.Age!.Value).ToArray());
    });

    private static async Task<Exception?> Outcome(Task task)
    {
        try { await task; return null; }
        catch (Exception e) { return e; }
    }

    [Fact]
    public async Task SQLite_writer_waiting_past_the_busy_timeout_is_a_typed_P2034_and_with_retry_both_complete()
    {
        await using var database = await TestDatabase.CreateAsync(StrataProvider.Sqlite);
        await using var db = database.Client(new StrataOptions { SqliteBusyTimeout = TimeSpan.FromSeconds(1) });
        var counter = await db.Users.CreateAsync(new UserCreate { Email = "counter@example.com", Age = 0 });
        // A holds the write lock while B tries: B's BEGIN waits its busy timeout (1 s), then fails.
        async Task Schedule(Func<Task> b, TimeSpan holdFor)
        {
            var holding = Signal();
            var a = db.TransactionAsync(async tx =>
            {
                await IncrementAsync(tx, counter.Id);
                holding.SetResult();
                await Task.Delay(holdFor);
            }, new TransactionOptions { Timeout = Timeout.InfiniteTimeSpan });
            await holding.Task;
            // Microsoft.Data.Sqlite waits for the lock inside the call, synchronously: on another thread.
            try { await Task.Run(b); }
            finally { await a; }
        }
        var conflict = await Assert.ThrowsAsync<WriteConflictException>(() =>
            Schedule(() => db.TransactionAsync(tx => IncrementAsync(tx, counter.Id)), TimeSpan.FromSeconds(3)));
        Assert.Equal((ErrorCodes.WriteConflict, 1), (conflict.Code, conflict.Attempts));

        var exhausted = await Assert.ThrowsAsync<WriteConflictException>(() =>
            Schedule(() => db.TransactionAsync(tx => IncrementAsync(tx, counter.Id), new TransactionOptions { Retry = new TransactionRetry { MaxAttempts = 2 } }), TimeSpan.FromSeconds(4)));
        Assert.Equal(2, exhausted.Attempts);
        Assert.Contains("2 attempts", exhausted.Message);
        Assert.IsType<WriteConflictException>(exhausted.InnerException);
        Assert.Equal(2, (await db.Users.FindUniqueOrThrowAsync(u => u.Id == counter.Id)).Age);

        // A lets go after 1.5 busy timeouts: B's first attempt fails, a later one runs after A's commit.
        await Schedule(() => db.TransactionAsync(tx => IncrementAsync(tx, counter.Id), new TransactionOptions { Retry = new TransactionRetry { MaxAttempts = 10 } }), TimeSpan.FromSeconds(1.5));
        Assert.Equal(4, (await db.Users.FindUniqueOrThrowAsync(u => u.Id == counter.Id)).Age);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Concurrent_read_modify_write_transactions_with_retry_lose_no_increment(StrataProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // PostgreSQL: 16 connections for the workers, who queue for them; SQLite: one writer at a time, each waiting for the lock.
        var url = provider == StrataProvider.PostgreSql ? new NpgsqlConnectionStringBuilder(database.Url) { MaxPoolSize = 16, Timeout = 60 }.ConnectionString : database.Url;
        await using var db = new BlogDb(url);
        var counter = await db.Users.CreateAsync(new UserCreate { Email = "counter@example.com", Age = 0 });
        int attempts = 0;
        var options = new TransactionOptions
        {
            IsolationLevel = IsolationLevel.Serializable,
            MaxWait = TimeSpan.FromSeconds(60),
            Timeout = TimeSpan.FromSeconds(60),
            Retry = new TransactionRetry { MaxAttempts = 1000, BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(100) },
        };
        // SQLite's lock waits hold a thread each: enough threads that the writer holding the lock is never starved of one.
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (provider == StrataProvider.Sqlite) ThreadPool.SetMinThreads(Math.Max(workers, Workers + 8), io);
        try
        {
            var start = Signal();
            var all = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
            {
                await start.Task;
                await db.TransactionAsync(async tx =>
                {
                    Interlocked.Increment(ref attempts);
                    await IncrementAsync(tx, counter.Id);
                }, options);
            })).ToArray();
            start.SetResult();
            await Task.WhenAll(all);
        }
        finally
        {
            if (provider == StrataProvider.Sqlite) ThreadPool.SetMinThreads(workers, io);
        }
        Assert.Equal(Workers, (await db.Users.FindUniqueOrThrowAsync(u => u.Id == counter.Id)).Age);
        output.WriteLine($"{provider}: {Workers} increments in {attempts} runs of the body ({attempts - Workers} retried after a conflict).");
        Assert.True(attempts >= Workers);
    }
}
