using System.Collections.Concurrent;
using Npgsql;
using Strata.Client.Tests.Blog;
using Strata.TestSupport;

namespace Strata.Client.Tests;

/// <summary>
/// Failures to reach or keep the database are StrataExceptions with Prisma's connection codes and
/// the driver's exception inside, never raw driver exceptions; a client recovers from them by itself.
/// </summary>
public class ConnectionFailureTests : ClientTest
{
    private static string Postgres(Action<NpgsqlConnectionStringBuilder> change)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.Shared.ConnectionString);
        change(builder);
        return builder.ConnectionString;
    }

    private static async Task<StrataException> Fails(Func<Task> operation, string code)
    {
        var error = await Assert.ThrowsAnyAsync<StrataException>(operation);
        Assert.True(code == error.Code, $"expected {code}, got {error.Code}: {error.Message}");
        Assert.NotNull(error.InnerException);
        return error;
    }

    [Fact]
    public async Task Opening_fails_with_a_connection_code()
    {
        int closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
        await using (var unreachable = new BlogDb($"postgresql://postgres@127.0.0.1:{closedPort}/db"))
            await Fails(() => unreachable.Users.CountAsync(), "P1001");
        await using (var missing = new BlogDb(Postgres(b => b.Database = "no_such_database")))
            await Fails(() => missing.Users.CountAsync(), "P1003");
        await using (var stranger = new BlogDb(Postgres(b => b.Username = "no_such_user")))
            await Fails(() => stranger.Users.CountAsync(), "P1000");
        await using (var nowhere = new BlogDb("file:/no/such/folder/x.db"))
            await Fails(() => nowhere.Users.CountAsync(), "P1003");
        await using (var readOnlyMissing = new BlogDb("file:" + Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".db") + "?mode=ro"))
            await Fails(() => readOnlyMissing.Users.CountAsync(), "P1003");
    }

    [Fact]
    public async Task A_read_only_sqlite_url_reads_and_refuses_writes()
    {
        await using var database = await TestDatabase.CreateAsync(StrataProvider.Sqlite);
        await using (var writer = database.Client()) await writer.Users.CreateAsync(new UserCreate { Email = "r@example.com" });
        await using var reader = new BlogDb(database.Url + "?mode=ro");
        Assert.Equal(1, await reader.Users.CountAsync());
        var error = await Fails(() => reader.Users.CreateAsync(new UserCreate { Email = "w@example.com" }), "P2010");
        Assert.Contains("read-only", error.Message);
    }

    [Fact]
    public async Task Waiting_for_a_pooled_connection_past_the_timeout_is_P1008()
    {
        await using var database = await TestDatabase.CreateAsync(StrataProvider.PostgreSql);
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.Url) { MaxPoolSize = 1, Timeout = 1 }.ConnectionString);
        await using var db = new BlogDb(new StrataOptions { DataSource = dataSource });
        var held = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var transaction = db.TransactionAsync(async tx =>
        {
            await tx.Users.CountAsync();
            held.SetResult();
            await release.Task;
        });
        await held.Task;
        await Fails(() => db.Users.CountAsync(), "P1008");
        release.SetResult();
        await transaction;
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task A_statement_past_the_command_timeout_is_P1008()
    {
        await using var database = await TestDatabase.CreateAsync(StrataProvider.PostgreSql);
        await using var db = database.Client();
        await using var impatient = database.Client(new StrataOptions { CommandTimeout = TimeSpan.FromSeconds(1) });
        var user = await db.Users.CreateAsync(new UserCreate { Email = "lock@example.com" });
        var locked = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var holder = db.TransactionAsync(async tx =>
        {
            await tx.Users.UpdateAsync(u => u.Id == user.Id, new UserUpdate { Name = "holder" }); // holds the row lock
            locked.SetResult();
            await release.Task;
        });
        await locked.Task;
        await Fails(() => impatient.Users.UpdateAsync(u => u.Id == user.Id, new UserUpdate { Name = "waiter" }), "P1008");
        release.SetResult();
        await holder;
        Assert.Equal("holder", (await impatient.Users.FindUniqueOrThrowAsync(u => u.Id == user.Id)).Name);
    }

    [Fact]
    public async Task A_terminated_backend_is_P1017_the_failed_rollback_hides_nothing_and_the_client_recovers()
    {
        await using var database = await TestDatabase.CreateAsync(StrataProvider.PostgreSql);
        await using var db = database.Client();
        var database_ = new NpgsqlConnectionStringBuilder(database.Url).Database;
        var error = await Fails(() => db.TransactionAsync(async tx =>
        {
            await tx.Users.CreateAsync(new UserCreate { Email = "gone@example.com" });
            await using (var admin = new NpgsqlConnection(PostgresServer.Shared.ConnectionString))
            {
                await admin.OpenAsync();
                await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @d AND pid <> pg_backend_pid()", admin);
                kill.Parameters.AddWithValue("d", database_!);
                await kill.ExecuteNonQueryAsync();
            }
            await tx.Users.CountAsync();
        }), "P1017");
        Assert.DoesNotContain("rollback", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await db.Users.CountAsync()); // nothing committed, and the client works again
    }

    [Fact]
    public async Task A_busy_sqlite_database_fails_with_P2034_and_waits_when_asked_to()
    {
        await using var database = await TestDatabase.CreateAsync(StrataProvider.Sqlite);
        await using var writer = database.Client();
        await using var other = database.Client(new StrataOptions { SqliteBusyTimeout = TimeSpan.FromSeconds(1) });
        await using var patient = database.Client(new StrataOptions { SqliteBusyTimeout = TimeSpan.FromSeconds(30) });
        var writing = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var holder = writer.TransactionAsync(async tx =>
        {
            await tx.Users.CreateAsync(new UserCreate { Email = "holder@example.com" });
            writing.SetResult();
            await release.Task;
        }, new TransactionOptions { Timeout = Timeout.InfiniteTimeSpan }); // held for several busy timeouts
        await writing.Task;
        await Fails(() => other.Users.CreateAsync(new UserCreate { Email = "single@example.com" }), "P2034");
        await Fails(() => other.Users.CreateManyAsync([new UserCreate { Email = "m1@example.com" }, new UserCreate { Email = "m2@example.com" }]), "P2034");
        await Fails(() => other.Users.CreateAsync(new UserCreate { Email = "nested@example.com", Posts = new() { Create = [new PostCreate { Title = "t" }] } }), "P2034");
        await Fails(() => other.TransactionAsync(tx => tx.Users.CreateAsync(new UserCreate { Email = "tx@example.com" })), "P2034");
        // Microsoft.Data.Sqlite waits for a busy database synchronously, inside the call: wait on another thread.
        var waiting = Task.Run(() => patient.Users.CreateAsync(new UserCreate { Email = "patient@example.com" }));
        await Task.Delay(300);
        release.SetResult();
        await holder;
        await waiting;
        Assert.Equal(S("holder@example.com", "patient@example.com"), (await other.Users.OrderBy(u => u.Id).FindManyAsync()).Select(u => u.Email).ToArray());
    }

    [Fact]
    public async Task A_create_that_reads_its_row_back_waits_for_a_reader_before_it_commits()
    {
        // A User (Decimal balance) is created with INSERT ... RETURNING outside a transaction; reading
        // the statement to its end commits it, which needs every other connection's read to finish.
        await using var database = await TestDatabase.CreateAsync(StrataProvider.Sqlite);
        await using var db = database.Client();
        await using var reader = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + database.Url["file:".Length..]);
        await reader.OpenAsync();
        var transaction = reader.BeginTransaction(deferred: true);
        await using (var read = reader.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT count(*) FROM users";
            Assert.Equal(0L, await read.ExecuteScalarAsync());
        }
        // The driver runs the statement synchronously, inside the call: on another thread, so the reader can end.
        var creating = Task.Run(() => db.Users.CreateAsync(new UserCreate { Email = "after-the-reader@example.com", Balance = 1.5m }));
        await Task.Delay(300);
        transaction.Commit();
        var created = await creating;
        Assert.Equal(1.5m, created.Balance);
        Assert.Equal("after-the-reader@example.com", (await db.Users.FindUniqueOrThrowAsync(u => u.Id == created.Id)).Email);
    }

    [Fact]
    public async Task A_server_restart_under_sixteen_workers_gives_only_connection_codes_and_the_client_recovers()
    {
        var server = PostgresServer.StartPrivate();
        var url = await server.CreateDatabaseAsync("fault");
        await using (var connection = new NpgsqlConnection(url))
        {
            await connection.OpenAsync();
            var schema = Strata.Schema.SchemaCompilation.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schema/blog.prisma"))).Schema;
            var dialect = new Postgres.Migrations.PostgresMigrationDialect();
            await new Migrate.History.MigrationRunner(connection, dialect).ExecuteScriptAsync(
                dialect.Render(Migrate.Planning.MigrationPlanner.CreateAll(Migrate.Model.SchemaMapper.Map(schema, dialect), dialect)));
        }
        await using var db = new BlogDb(url);
        var failures = new ConcurrentBag<Exception>();
        int restarted = 0;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        async Task Worker(int id)
        {
            int afterRestart = 0;
            for (int i = 0; afterRestart < 20; i++)
            {
                deadline.Token.ThrowIfCancellationRequested();
                try
                {
                    if (i % 3 == 0) await db.Users.CreateAsync(new UserCreate { Email = $"w{id}-{i}@example.com" });
                    else await db.Users.Where(u => u.Email.StartsWith("w" + id)).CountAsync();
                    if (Volatile.Read(ref restarted) == 1) afterRestart++;
                }
                catch (Exception e)
                {
                    failures.Add(e);
                    await Task.Delay(50);
                }
            }
        }
        var workers = Enumerable.Range(0, 16).Select(i => Task.Run(() => Worker(i))).ToArray();
        await Task.Delay(500);
        server.Halt();
        await Task.Delay(1000);
        server.Resume();
        await Task.Delay(500);
        // Then every backend of the workers' database is terminated, as an administrator would.
        // Unpooled: a pooled connection of the test's own would be one the restart broke.
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @d AND pid <> pg_backend_pid()", admin);
            kill.Parameters.AddWithValue("d", new NpgsqlConnectionStringBuilder(url).Database!);
            await kill.ExecuteScalarAsync();
        }
        Volatile.Write(ref restarted, 1);
        await Task.WhenAll(workers);

        Assert.NotEmpty(failures);
        var codes = failures.Select(e => e is StrataException s ? s.Code : e.GetType().Name).Distinct().Order().ToList();
        var others = failures.Where(e => e is not StrataException { Code: "P1001" or "P1017" or "P1008" })
            .Select(e => $"{e.GetType().Name} {(e as StrataException)?.Code}: {e.Message} <- {e.InnerException?.GetType().Name}: {e.InnerException?.Message}").Distinct().ToList();
        Assert.True(others.Count == 0, $"{failures.Count} failures ({string.Join(", ", codes)}); not a connection code:\n" + string.Join("\n", others));
        Assert.True(await db.Users.CountAsync() > 0);
        server.Halt();
    }
}
