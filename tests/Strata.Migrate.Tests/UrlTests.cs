using Npgsql;
using Strata.Postgres;
using Strata.Sqlite;

namespace Strata.Migrate.Tests;

public class UrlTests
{
    [Fact]
    public void Sqlite_file_urls_resolve_against_the_schema_folder()
    {
        Assert.Equal("Data Source=/app/prisma/dev.db;Foreign Keys=True", SqliteUrl.ToConnectionString("file:./dev.db", "/app/prisma"));
        Assert.Equal("Data Source=/data/x.db;Foreign Keys=True", SqliteUrl.ToConnectionString("file:/data/x.db", "/app/prisma"));
        Assert.Equal("Data Source=/app/dev.db;Foreign Keys=True", SqliteUrl.ToConnectionString("file:../dev.db?connection_limit=1", "/app/prisma"));
        Assert.Equal("Data Source=x.db", SqliteUrl.ToConnectionString("Data Source=x.db", "/app"));
        Assert.Throws<FormatException>(() => SqliteUrl.ToConnectionString("dev.db", "/app"));
        Assert.Throws<FormatException>(() => SqliteUrl.ToConnectionString("file:", "/app"));
    }

    [Fact]
    public void Postgres_urls_become_npgsql_connection_strings()
    {
        var (cs, schema) = PostgresUrl.Parse("postgresql://jane:p%40ss%3Bword@db.local:6543/shop?schema=sales&sslmode=require");
        var builder = new NpgsqlConnectionStringBuilder(cs);
        Assert.Equal("db.local", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("jane", builder.Username);
        Assert.Equal("p@ss;word", builder.Password);
        Assert.Equal("shop", builder.Database);
        Assert.Equal("sales", builder.SearchPath);
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal("sales", schema);

        var plain = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString("postgres://localhost/app"));
        Assert.Equal(5432, plain.Port);
        Assert.Equal("app", plain.Database);
        Assert.Equal("Host=x;Username=y", PostgresUrl.ToConnectionString("Host=x;Username=y"));
        Assert.Throws<FormatException>(() => PostgresUrl.ToConnectionString("mysql://x"));
        Assert.Equal("postgresql://jane:***@h/db", ConnectionSecrets.Redact("postgresql://jane:secret@h/db"));
    }
}
