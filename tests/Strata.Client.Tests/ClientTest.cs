using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>Runs each test on SQLite, PostgreSQL and MariaDB, on a fresh database with the test schema.</summary>
public abstract class ClientTest
{
    /// <summary>An array, where a collection expression would be a span that cannot cross an await.</summary>
    protected static string[] S(params string[] items) => items;

    /// <summary>An identifier as the provider's SQL quotes it, to find in logged statements.</summary>
    protected static string Quoted(StrataProvider provider, string name) => provider == StrataProvider.MySql ? $"`{name}`" : $"\"{name}\"";

    /// <summary>The provider's name as the schema writes it, and as the client and its telemetry give it.</summary>
    protected static string NameOf(StrataProvider provider) => provider switch
    {
        StrataProvider.Sqlite => "sqlite",
        StrataProvider.MySql => "mysql",
        _ => "postgresql",
    };

    /// <summary>The provider's query dialect.</summary>
    internal static Providers.SqlDialect DialectOf(StrataProvider provider) => provider switch
    {
        StrataProvider.Sqlite => Sqlite.Runtime.SqliteDialect.Instance,
        StrataProvider.MySql => MySql.Runtime.MySqlDialect.Instance,
        _ => Postgres.Runtime.PostgresDialect.Instance,
    };

    public static TheoryData<StrataProvider> Providers => new() { StrataProvider.Sqlite, StrataProvider.PostgreSql, StrataProvider.MySql };

    /// <summary>Runs <paramref name="body"/> with a client of a fresh database.</summary>
    protected static async Task WithClient(StrataProvider provider, Func<BlogDb, Task> body, StrataOptions? options = null)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Client(options);
        await body(db);
    }

    /// <summary>Three users with posts: ann (30, Delhi-less), bob (17), cid (no age).</summary>
    protected static async Task SeedAsync(BlogDb db)
    {
        await db.Users.CreateAsync(new UserCreate
        {
            Email = "ann@example.com", Name = "Ann", Age = 30, Score = 9.5, Role = Role.Admin,
            Posts = new() { Create = [new PostCreate { Title = "Hello World", Views = 10, Published = true }, new PostCreate { Title = "Second", Views = 3 }] },
        });
        await db.Users.CreateAsync(new UserCreate
        {
            Email = "bob@example.com", Name = "bob", Age = 17, Score = 7,
            Posts = new() { Create = [new PostCreate { Title = "bob's draft", Views = 0 }] },
        });
        await db.Users.CreateAsync(new UserCreate { Email = "cid@example.org", Name = null, Role = Role.Editor });
    }
}
