using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>Not run in parallel with other tests: one test counts the shared SQL cache's entries.</summary>
[CollectionDefinition(nameof(ClientBehaviourTests), DisableParallelization = true)]
[Collection(nameof(ClientBehaviourTests))]
public class ClientBehaviourTests : ClientTest
{
    [Theory, MemberData(nameof(Providers))]
    public Task Transactions_commit_or_roll_back(StrataProvider provider) => WithClient(provider, async db =>
    {
        await db.TransactionAsync(async tx =>
        {
            await tx.Users.CreateAsync(new UserCreate { Email = "t1@example.com" });
            await tx.Categories.CreateAsync(new CategoryCreate { Name = "t1" });
        });
        Assert.Equal((1, 1), (await db.Users.CountAsync(), await db.Categories.CountAsync()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.TransactionAsync(async tx =>
        {
            await tx.Users.CreateAsync(new UserCreate { Email = "t2@example.com" });
            Assert.Equal(2, await tx.Users.CountAsync()); // the transaction sees its own write
            throw new InvalidOperationException("stop");
        }));
        Assert.Equal(1, await db.Users.CountAsync());
        var count = await db.TransactionAsync(async tx => await tx.Users.CountAsync());
        Assert.Equal(1, count);
    });

    [Theory, MemberData(nameof(Providers))]
    public async Task Logging_writes_sql_and_duration_and_values_only_when_asked(StrataProvider provider)
    {
        var quiet = new ListLoggerProvider();
        await WithClient(provider, db => db.Users.Where(u => u.Email == "secret@example.com").CountAsync(),
            new StrataOptions { LoggerFactory = LoggerFactory.Create(b => b.AddProvider(quiet)) });
        var entry = Assert.Single(quiet.Messages, m => m.Contains("COUNT(*)"));
        Assert.Matches(@"^Executed in [0-9.]+ ms: SELECT COUNT\(\*\)", entry);
        Assert.DoesNotContain("secret", entry);

        var verbose = new ListLoggerProvider();
        await WithClient(provider, db => db.Users.Where(u => u.Email == "secret@example.com").CountAsync(),
            new StrataOptions { LoggerFactory = LoggerFactory.Create(b => b.AddProvider(verbose)), LogParameterValues = true });
        Assert.Contains(verbose.Messages, m => m.Contains("COUNT(*)") && m.Contains("'secret@example.com'"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_di_helper_registers_a_singleton_that_logs_through_the_container(StrataProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs))
            .AddStrata<BlogDb>(database.Url);
        await using var container = services.BuildServiceProvider();
        var db = container.GetRequiredService<BlogDb>();
        Assert.Same(db, container.GetRequiredService<BlogDb>());
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Contains(logs.Messages, m => m.Contains("COUNT(*)"));
        Assert.Equal(NameOf(provider), db.ProviderName);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_di_helper_reads_a_connection_string_from_configuration(StrataProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Blog"] = database.Url })
            .Build();
        await using var container = new ServiceCollection().AddStrata<BlogDb>(configuration, "Blog").BuildServiceProvider();
        var db = container.GetRequiredService<BlogDb>();
        await db.Users.CreateAsync(new UserCreate { Email = "configured@example.com" });
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Equal(NameOf(provider), db.ProviderName);
    }

    [Fact]
    public async Task A_client_runs_on_a_data_source_the_application_configured()
    {
        await using var database = await TestDatabase.CreateAsync(StrataProvider.PostgreSql);
        await using var dataSource = new NpgsqlDataSourceBuilder(database.Url) { Name = "app-owned" }.Build();
        await using (var db = new BlogDb(dataSource))
        {
            await db.Users.CreateAsync(new UserCreate { Email = "ds@example.com" });
            Assert.Equal("postgresql", db.ProviderName);
        }
        // The application owns the data source: disposing the client leaves it usable.
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM users", connection);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Sqlite_enforces_foreign_keys_on_urls_connection_strings_and_data_sources()
    {
        await using var database = await TestDatabase.CreateAsync(StrataProvider.Sqlite);
        var file = database.Url["file:".Length..];
        var dataSource = Microsoft.Data.Sqlite.SqliteFactory.Instance.CreateDataSource($"Data Source={file};Foreign Keys=False");
        foreach (var db in new[] { new BlogDb(database.Url), new BlogDb($"Data Source={file}"), new BlogDb(dataSource) })
        {
            await using (db)
                await Assert.ThrowsAsync<ForeignKeyConstraintException>(() => db.Posts.CreateAsync(new PostCreate { Title = "x", AuthorId = 999 }));
        }
        await dataSource.DisposeAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_provider_can_be_chosen_at_construction(StrataProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = new BlogDb(database.Url, provider);
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.ThrowsAny<Exception>(() => new BlogDb(database.Url, provider == StrataProvider.Sqlite ? StrataProvider.PostgreSql : StrataProvider.Sqlite).Users.CountAsync().GetAwaiter().GetResult());
    }

    [Theory, MemberData(nameof(Providers))]
    public Task Sql_is_written_once_per_query_shape(StrataProvider provider) => WithClient(provider, async db =>
    {
        var dialect = DialectOf(provider);
        await db.Users.Where(u => u.Email == "a" && u.Age > 1).OrderBy(u => u.Id).Take(5).FindManyAsync();
        int shapes = dialect.Cache.Count;
        for (int i = 0; i < 20; i++)
            await db.Users.Where(u => u.Email == "other" + i && u.Age > i).OrderBy(u => u.Id).Take(i + 1).FindManyAsync();
        Assert.Equal(shapes, dialect.Cache.Count); // new values, same shape: no new SQL
        await db.Users.Where(u => u.Email == "a" || u.Age > 1).OrderBy(u => u.Id).Take(5).FindManyAsync();
        Assert.Equal(shapes + 1, dialect.Cache.Count); // another shape
    });
}
