using Npgsql;
using Strata.Client.Tests.Blog;
using Strata.TestSupport;

namespace Strata.Client.Tests;

/// <summary>
/// The client's own connection pool: connections stay open between operations with their commands
/// prepared, up to the URL's connection limit, and are closed with the client; an application's
/// data source gets each connection back after the operation. Shown on the server's own view of
/// its sessions (pg_stat_activity).
/// </summary>
public class ConnectionPoolTests : ClientTest
{
    private static async Task<long> ScalarAsync(string url, string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(url) { Pooling = false, Database = "postgres" };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("d", new NpgsqlConnectionStringBuilder(url).Database!);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>The sessions of the clients these tests make (named by <see cref="Named"/>); the test database's own set-up connections have other names.</summary>
    private static Task<long> ConnectionsTo(string url) =>
        ScalarAsync(url, "SELECT count(*) FROM pg_stat_activity WHERE datname = @d AND application_name = 'pool-test'");

    private static string Named(string url, Action<NpgsqlConnectionStringBuilder>? change = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(url) { ApplicationName = "pool-test" };
        change?.Invoke(builder);
        return builder.ConnectionString;
    }

    [Fact]
    public async Task Operations_one_after_another_reuse_one_open_connection()
    {
        await using var database = await TestDatabase.CreateAsync(StrataProvider.PostgreSql);
        await using var db = new BlogDb(Named(database.Url));
        await db.Users.CreateAsync(new UserCreate { Email = "a@example.com" });
        for (int i = 0; i < 5; i++) Assert.NotNull(await db.Users.FindUniqueAsync(u => u.Email == "a@example.com"));
        Assert.Equal(1, await db.Users.Where(u => u.Email == "a@example.com").CountAsync());
        // Between operations the connection stays open: the server sees exactly one session of the client.
        Assert.Equal(1, await ConnectionsTo(database.Url));
    }

    [Fact]
    public async Task Disposing_the_client_closes_its_connections()
    {
        await using var database = await TestDatabase.CreateAsync(StrataProvider.PostgreSql);
        var db = new BlogDb(Named(database.Url));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => db.Users.CountAsync()));
        Assert.InRange(await ConnectionsTo(database.Url), 1, 4);
        await db.DisposeAsync();
        await WaitUntil(async () => await ConnectionsTo(database.Url) == 0);
    }

    [Fact]
    public async Task All_connections_in_use_past_the_wait_gives_P1008_and_the_client_goes_on()
    {
        await using var database = await TestDatabase.CreateAsync(StrataProvider.PostgreSql);
        var url = Named(database.Url, b => { b.MaxPoolSize = 1; b.Timeout = 1; });
        await using var db = new BlogDb(url);
        var release = new TaskCompletionSource();
        var holding = new TaskCompletionSource();
        var holder = db.TransactionAsync(async tx =>
        {
            await tx.Users.CountAsync();
            holding.SetResult();
            await release.Task;
            return 0;
        });
        await holding.Task;
        var error = await Assert.ThrowsAsync<StrataException>(() => db.Users.CountAsync());
        Assert.Equal("P1008", error.Code);
        Assert.Contains("connection", error.Message);
        release.SetResult();
        await holder;
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(1, await ConnectionsTo(url));
    }

    [Fact]
    public async Task A_connection_the_server_closed_is_not_lent_again()
    {
        await using var database = await TestDatabase.CreateAsync(StrataProvider.PostgreSql);
        await using var db = database.Client();
        await db.Users.CreateAsync(new UserCreate { Email = "a@example.com" });
        await ScalarAsync(database.Url, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @d");
        // The idle connection is dead: the next operation reports it, typed, and the one after opens a new one.
        var error = await Record.ExceptionAsync(() => db.Users.CountAsync());
        if (error != null) Assert.True(error is StrataException { Code: "P1017" or "P1001" }, error.ToString());
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Fact]
    public async Task An_application_data_source_gets_each_connection_back_after_the_operation()
    {
        await using var database = await TestDatabase.CreateAsync(StrataProvider.PostgreSql);
        await using var source = NpgsqlDataSource.Create(Named(database.Url, b => b.Pooling = false));
        await using var db = new BlogDb(new StrataOptions { DataSource = source });
        await db.Users.CreateAsync(new UserCreate { Email = "a@example.com" });
        Assert.Equal(1, await db.Users.CountAsync());
        await WaitUntil(async () => await ConnectionsTo(database.Url) == 0);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public Task A_query_run_while_the_same_query_streams_on_one_connection_gets_its_own_command(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var pairs = await db.TransactionAsync(async tx =>
        {
            var seen = new List<string>();
            var query = tx.Users.Where(u => u.Email.Contains("@")).OrderBy(u => u.Email);
            // SQLite reads both on the transaction's one connection: the same SQL, two commands.
            if (provider == StrataProvider.Sqlite)
            {
                await foreach (var outer in query)
                    foreach (var inner in await query.FindManyAsync())
                        seen.Add(outer.Email[0] + "" + inner.Email[0]);
            }
            else
            {
                // PostgreSQL runs one statement at a time on a connection: read, then query again.
                foreach (var outer in await query.FindManyAsync())
                    foreach (var inner in await query.FindManyAsync())
                        seen.Add(outer.Email[0] + "" + inner.Email[0]);
            }
            return seen;
        });
        Assert.Equal(S("aa", "ab", "ac", "ba", "bb", "bc", "ca", "cb", "cc"), pairs.ToArray());
    });

    [Theory]
    [MemberData(nameof(Providers))]
    public Task A_kept_command_binds_each_run_s_values_and_types_afresh(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        // One shape, run again with a null and with other values: nothing from an earlier run stays bound.
        foreach (var (name, expected) in new (string?, int)[] { ("Ann", 1), (null, 1), ("bob", 1), ("nobody", 0), (null, 1) })
        {
            var n = name;
            Assert.Equal(expected, await db.Users.Where(u => u.Name == n).CountAsync());
        }
        for (int take = 0; take < 4; take++)
            Assert.Equal(Math.Min(take, 3), (await db.Users.OrderBy(u => u.Email).Take(take).FindManyAsync()).Count);
    });

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        // The server ends a closed session's backend a moment after the client closes it.
        for (int i = 0; i < 100; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.True(await condition(), "the condition did not come true within 5 s");
    }
}
