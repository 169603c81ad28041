using System.Diagnostics;
using Strata.TestSupport;

namespace Strata.Client.Tests;

/// <summary>Runs samples/Quickstart as a process, as the README's first command does, and checks what it prints.</summary>
public class QuickstartTests
{
    private const string Expected = """
        Created harkirat (21, Delhi).
        harkirat has 3 todos:
          [x] Cook: Cook dinner
          [ ] Gym: Go to gym
          [ ] Read: Read a chapter
        Open, by title descending: Read, Gym
        Updated: Gym is done (Went to the gym).
        Todos: 3, still open: 1.
        Deleted todo: Gym. Todos left: 2.
        Deleted user: harkirat, now 22. Users left: 0, todos left: 0.

        """;

    private static async Task<string> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Quickstart.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("DATABASE_URL");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return (await output).Replace("\r\n", "\n");
    }

    [Fact]
    public async Task Runs_on_sqlite_with_no_set_up_and_again_on_the_same_database()
    {
        var folder = Directory.CreateTempSubdirectory("strata-quickstart-").FullName;
        try
        {
            var url = "file:" + Path.Combine(folder, "todo.db");
            Assert.Equal("Migrations: 1 applied, the database is up to date.\n" + Expected, await RunAsync(folder, url));
            Assert.Equal("Migrations: 0 applied, the database is up to date.\n" + Expected, await RunAsync(folder, url));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Its_seed_is_idempotent()
    {
        var folder = Directory.CreateTempSubdirectory("strata-quickstart-seed-").FullName;
        try
        {
            var url = "file:" + Path.Combine(folder, "todo.db");
            Assert.Equal("Migrations: 1 applied, the database is up to date.\nSeeded: demo with 2 todos.\n", await RunAsync(folder, "seed", url));
            Assert.Equal("Migrations: 0 applied, the database is up to date.\nSeeded: demo with 2 todos.\n", await RunAsync(folder, "seed", url));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Runs_on_postgresql_when_given_its_url()
    {
        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync("quickstart");
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var url = $"postgresql://{Uri.EscapeDataString(builder.Username!)}@{builder.Host}:{builder.Port}/{builder.Database}";
        Assert.Equal("Migrations: 1 applied, the database is up to date.\n" + Expected, await RunAsync(Path.GetTempPath(), url));
    }

    [Fact]
    public async Task Runs_on_mariadb_when_given_a_mysql_url()
    {
        var connectionString = await MariaDbServer.Shared.CreateDatabaseAsync("quickstart");
        var url = MariaDbServer.Shared.UrlBase + new MySqlConnector.MySqlConnectionStringBuilder(connectionString).Database;
        Assert.Equal("Migrations: 1 applied, the database is up to date.\n" + Expected, await RunAsync(Path.GetTempPath(), url));
    }
}
