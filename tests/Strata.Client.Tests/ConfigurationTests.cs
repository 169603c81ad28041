using Strata.Configuration;

namespace Strata.Client.Tests;

/// <summary>
/// A client without a URL connects as the schema's datasource says, reading env("...") from the
/// environment and .env files as the strata command does; a relative SQLite path means the file the
/// command uses (the schema's folder) when the app runs in its project folder, else the app's folder.
/// </summary>
public class ConfigurationTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("strata-config-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_project, recursive: true); } catch (IOException) { }
    }

    private static readonly SchemaDatasource FromEnv = new("DATABASE_URL", null, "prisma");

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private void Schema()
    {
        Directory.CreateDirectory(Path.Combine(_project, "prisma"));
        File.WriteAllText(Path.Combine(_project, "prisma", "schema.prisma"), "datasource db {\n  provider = \"sqlite\"\n  url = env(\"DATABASE_URL\")\n}\n");
    }

    [Fact]
    public void The_variable_comes_from_the_environment_first_then_the_schemas_env_then_the_current_folders()
    {
        Schema();
        File.WriteAllText(Path.Combine(_project, ".env"), "DATABASE_URL=file:./from-project.db\n");
        Assert.Equal("file:./from-project.db", ProjectFolder.Url(new StrataOptions(), FromEnv, _project, Environment()));
        File.WriteAllText(Path.Combine(_project, "prisma", ".env"), "DATABASE_URL=\"file:./from-schema.db\"\n");
        Assert.Equal("file:./from-schema.db", ProjectFolder.Url(new StrataOptions(), FromEnv, _project, Environment()));
        Assert.Equal("postgresql://env/db", ProjectFolder.Url(new StrataOptions(), FromEnv, _project, Environment(("DATABASE_URL", "postgresql://env/db"))));
        Assert.Equal("file:./given.db", ProjectFolder.Url(new StrataOptions { Url = "file:./given.db" }, FromEnv, _project, Environment(("DATABASE_URL", "postgresql://env/db"))));
    }

    [Fact]
    public void A_missing_variable_says_where_it_was_looked_for()
    {
        Schema();
        var error = Assert.Throws<StrataException>(() => ProjectFolder.Url(new StrataOptions(), FromEnv, _project, Environment()));
        Assert.Equal(ErrorCodes.InvalidDatabaseUrl, error.Code);
        Assert.Contains("env(\"DATABASE_URL\"), which is not set", error.Message);
        Assert.Contains(Path.Combine(_project, ".env"), error.Message);
        Assert.Contains(Path.Combine(_project, "prisma", ".env"), error.Message);

        var noUrl = Assert.Throws<ArgumentException>(() => ProjectFolder.Url(new StrataOptions(), new SchemaDatasource(null, null, "prisma"), _project, Environment()));
        Assert.Contains("has no url", noUrl.Message);
        Assert.Equal("file:./literal.db", ProjectFolder.Url(new StrataOptions(), new SchemaDatasource(null, "file:./literal.db", "prisma"), _project, Environment()));
    }

    [Fact]
    public void Relative_sqlite_paths_are_the_schemas_folder_in_the_project_and_the_apps_folder_elsewhere()
    {
        Schema();
        Assert.Equal(Path.Combine(_project, "prisma"), ProjectFolder.BaseDirectory(new StrataOptions(), FromEnv, _project));
        var elsewhere = Directory.CreateTempSubdirectory("strata-elsewhere-").FullName;
        try
        {
            Assert.Equal(AppContext.BaseDirectory, ProjectFolder.BaseDirectory(new StrataOptions(), FromEnv, elsewhere));
        }
        finally
        {
            Directory.Delete(elsewhere);
        }
        Assert.Equal("/given", ProjectFolder.BaseDirectory(new StrataOptions { BaseDirectory = "/given" }, FromEnv, _project));
        Assert.Equal(AppContext.BaseDirectory, ProjectFolder.BaseDirectory(new StrataOptions(), SchemaDatasource.Unknown, _project));
    }

    [Fact]
    public async Task A_client_with_no_arguments_connects_to_the_schemas_url()
    {
        // The test schema (Schema/blog.prisma in the project, copied beside the tests) has the literal url "file:./blog.db":
        // the file is in the schema's folder when the tests run beside it, else in the app's folder.
        var file = Path.Combine(ProjectFolder.BaseDirectory(new StrataOptions(), new SchemaDatasource(null, "file:./blog.db", "Schema")), "blog.db");
        if (File.Exists(file)) File.Delete(file);
        await using (var db = new Blog.BlogDb())
        {
            Assert.Equal("sqlite", db.ProviderName);
            await db.ExecuteRawAsync($"CREATE TABLE IF NOT EXISTS probe (id INTEGER)");
        }
        Assert.True(File.Exists(file));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
    }
}
