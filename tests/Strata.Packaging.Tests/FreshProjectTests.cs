using System.Xml.Linq;

namespace Strata.Packaging.Tests;

/// <summary>
/// The README's set-up for a user's own project, taken by a test: the packages built into a local
/// feed, a fresh console project outside the repository referencing them by name, a schema, a
/// migration made and deployed by the `strata` tool installed from the same feed, and a query on SQLite.
/// </summary>
public class FreshProjectTests
{
    private const string Schema = """
        datasource db {
          provider = "sqlite"
          url      = env("DATABASE_URL")
        }

        generator client {
          provider = "strata"
        }

        model Note {
          id   Int    @id @default(autoincrement())
          text String
        }
        """;

    // No URL in the code: the client takes the schema's env("DATABASE_URL"), from the environment or .env.
    private const string Program = """
        await using var db = new FreshApp.Db();
        var applied = await db.MigrateAsync();
        await db.Notes.CreateAsync(new FreshApp.NoteCreate { Text = "hello from the packages" });
        var notes = await db.Notes.OrderBy(n => n.Id).FindManyAsync();
        Console.WriteLine($"applied: {applied.Count}, notes: {notes.Count}, last: {notes[^1].Text}");
        """;

    [Fact]
    public async Task A_new_console_project_uses_the_packages_and_the_tool_from_a_local_feed()
    {
        var repository = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("strata-fresh-").FullName;
        try
        {
            // Unique per run, so no package cache anywhere can hold an older build under the same version.
            var version = "0.1.0-fresh." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
            var feed = Path.Combine(work, "feed");
            var environment = new Dictionary<string, string>
            {
                ["NUGET_PACKAGES"] = Path.Combine(work, "packages"),
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1", ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            };

            // The packages, built from a copy of the sources, so that the clone's own build output is neither used nor touched.
            var sources = Path.Combine(work, "sources");
            CopySources(repository, sources);
            await ProcessRunner.RunAsync(sources, environment, "dotnet", "pack", "src/Strata.Packages.slnx", "-c", "Release", "-o", feed, "-p:Version=" + version);
            foreach (var package in new[] { "Strata", "Strata.Schema", "Strata.Migrate", "Strata.Sqlite", "Strata.Postgres", "Strata.MySql", "Strata.Cli" })
                Assert.True(File.Exists(Path.Combine(feed, $"{package}.{version}.nupkg")), $"{package} was not packed");

            File.WriteAllText(Path.Combine(work, "nuget.config"), NuGetConfig(feed));
            var app = Path.Combine(work, "FreshApp");
            await ProcessRunner.RunAsync(work, environment, "dotnet", "new", "console", "-o", app, "--name", "FreshApp", "--no-restore");
            await ProcessRunner.RunAsync(app, environment, "dotnet", "add", "package", "Strata.Sqlite", "--version", version);
            AddSchemaItems(Path.Combine(app, "FreshApp.csproj"));
            Directory.CreateDirectory(Path.Combine(app, "prisma"));
            File.WriteAllText(Path.Combine(app, "prisma", "schema.prisma"), Schema);
            File.WriteAllText(Path.Combine(app, ".env"), "DATABASE_URL=\"file:./app.db\"\n");
            File.WriteAllText(Path.Combine(app, "Program.cs"), Program);

            var tools = Path.Combine(work, "tools");
            await ProcessRunner.RunAsync(app, environment, "dotnet", "tool", "install", "Strata.Cli", "--version", version, "--tool-path", tools);
            var strata = Path.Combine(tools, OperatingSystem.IsWindows() ? "strata.exe" : "strata");
            Assert.Contains(version, await ProcessRunner.RunAsync(app, environment, strata, "--version"));
            await ProcessRunner.RunAsync(app, environment, strata, "migrate", "dev", "--name", "init", "--create-only");
            Assert.Single(Directory.GetFiles(Path.Combine(app, "prisma", "migrations"), "migration.sql", SearchOption.AllDirectories));
            Assert.Contains("init", await ProcessRunner.RunAsync(app, environment, strata, "migrate", "deploy"));
            Assert.True(File.Exists(Path.Combine(app, "prisma", "app.db")), "the CLI resolves file:./app.db against the schema's folder");

            // In the project folder the app uses the CLI's file: already migrated, and the note lands there.
            Assert.Contains("applied: 0, notes: 1, last: hello from the packages", await ProcessRunner.RunAsync(app, environment, "dotnet", "run"));
            Assert.Contains("applied: 0, notes: 2,", await ProcessRunner.RunAsync(app, environment, "dotnet", "run", "--no-build"));

            // Run from elsewhere, as a published app: the URL from the environment, relative to the app's folder, migrated from beside the app.
            var output = Path.Combine(app, "bin", "Debug", "net10.0");
            var elsewhere = new Dictionary<string, string>(environment) { ["DATABASE_URL"] = "file:./published.db" };
            Assert.Contains("applied: 1, notes: 1,", await ProcessRunner.RunAsync(work, elsewhere, "dotnet", Path.Combine(output, "FreshApp.dll")));
            Assert.True(File.Exists(Path.Combine(output, "published.db")));
            Assert.False(File.Exists(Path.Combine(work, "published.db")));
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Strata.slnx"))) return folder.FullName;
        }
        throw new InvalidOperationException("The repository (Strata.slnx) is not above " + AppContext.BaseDirectory);
    }

    /// <summary>What packing needs: src/ without build output, and the files its projects import or pack.</summary>
    private static void CopySources(string repository, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "README.md", "LICENSE" })
            File.Copy(Path.Combine(repository, file), Path.Combine(target, file));
        CopyFolder(Path.Combine(repository, "src"), Path.Combine(target, "src"));
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(folder);
            if (name is "bin" or "obj") continue;
            CopyFolder(folder, Path.Combine(to, name));
        }
    }

    /// <summary>The local feed first, then the sources the machine already uses; packages the machine has restored serve as a read-only fallback.</summary>
    private static string NuGetConfig(string feed)
    {
        var machinePackages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var fallback = Directory.Exists(machinePackages) ? $"""<fallbackPackageFolders><add key="machine" value="{machinePackages}" /></fallbackPackageFolders>""" : "";
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
              </packageSources>
              {fallback}
            </configuration>
            """;
    }

    /// <summary>The schema as the generator's input, and the migrations copied beside the app (where a published app's client finds them).</summary>
    private static void AddSchemaItems(string project)
    {
        var document = XDocument.Load(project);
        document.Root!.Add(new XElement("ItemGroup",
            new XElement("AdditionalFiles", new XAttribute("Include", "prisma/schema.prisma")),
            new XElement("None", new XAttribute("Include", "prisma/migrations/**"), new XAttribute("Link", "migrations/%(RecursiveDir)%(Filename)%(Extension)"),
                new XAttribute("CopyToOutputDirectory", "PreserveNewest"))));
        document.Save(project);
    }
}
