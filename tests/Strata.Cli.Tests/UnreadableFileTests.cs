using System.Diagnostics;

namespace Strata.Cli.Tests;

/// <summary>
/// Files and folders that cannot be read or written give one line naming them. Permissions do not
/// stop root, and the tests run as root: so the project is handed to the unprivileged user `nobody`
/// and `strata` runs as nobody (through runuser), as a real process. Run as another user, the tests
/// run `strata` as that user, whom the permissions stop just the same.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class UnreadableFileTests
{
    private const string Schema = "datasource db {\n  provider = \"sqlite\"\n  url      = env(\"DATABASE_URL\")\n}\n\nmodel User {\n  id Int @id\n}\n";

    private static readonly bool IsRoot = Environment.UserName == "root";

    public static TheoryData<string> Cases() => new(Scenarios.Keys);

    /// <summary>What to make unreadable or unwritable, the command, and what its one line must say.</summary>
    private static readonly Dictionary<string, (Action<CliRunner> Arrange, string[] Args, string Expected)> Scenarios = new()
    {
        ["schema folder"] = (cli => Deny(cli, "multi", UnixFileMode.None), ["validate", "--schema", "multi"], "Cannot look for the schema at multi: Access to the path"),
        ["schema folder found by default"] = (cli =>
        {
            File.Delete(cli.PathOf("prisma/schema.prisma"));
            Directory.Move(cli.PathOf("multi"), cli.PathOf("prisma/schema"));
            Deny(cli, "prisma/schema", UnixFileMode.None);
        }, ["validate"], "Cannot look for the schema: Access to the path"),
        ["file in a schema folder"] = (cli => Deny(cli, "multi/models.prisma", UnixFileMode.None), ["validate", "--schema", "multi"], "Cannot read the schema at multi: Access to the path"),
        ["schema file"] = (cli => Deny(cli, "prisma/schema.prisma", UnixFileMode.None), ["validate"], "Cannot read the schema at prisma/schema.prisma: Access to the path"),
        ["migrations folder"] = (cli => Deny(cli, "prisma/migrations", UnixFileMode.None), ["migrate", "status"], "Cannot read the migrations folder prisma/migrations: Access to the path"),
        ["migration script"] = (cli => Deny(cli, "prisma/migrations/20240101000000_init/migration.sql", UnixFileMode.None), ["migrate", "deploy"], "migration.sql' is denied"),
        ["lock file"] = (cli => Deny(cli, "prisma/migrations/migration_lock.toml", UnixFileMode.None), ["migrate", "status"], "Cannot read the migrations folder's lock file: Access to the path"),
        [".env"] = (cli => Deny(cli, "prisma/.env", UnixFileMode.None), ["migrate", "status"], "Cannot read the .env file: Access to the path"),
        ["format, read-only file"] = (cli => Deny(cli, "prisma/schema.prisma", UnixFileMode.UserRead), ["format"], "Cannot write prisma/schema.prisma: Access to the path"),
        ["format, read-only folder and files"] = (cli =>
        {
            Deny(cli, "multi/models.prisma", UnixFileMode.UserRead);
            Deny(cli, "multi", UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }, ["format", "--schema", "multi"], "Cannot write multi/models.prisma: Access to the path"),
        ["migrate dev, read-only migrations folder"] = (cli => Deny(cli, "prisma/migrations", UnixFileMode.UserRead | UnixFileMode.UserExecute), ["migrate", "dev", "--name", "more", "--create-only"], "Cannot write the migration into prisma/migrations: Access to the path"),
        ["db pull, read-only schema"] = (cli => Deny(cli, "prisma/schema.prisma", UnixFileMode.UserRead), ["db", "pull", "--force"], "Cannot write the schema to prisma/schema.prisma: Access to the path"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_unreadable_or_unwritable_path_is_one_line_naming_it(string scenario)
    {
        var (arrange, args, expected) = Scenarios[scenario];
        using var cli = new CliRunner();
        // Unformatted on purpose (format must write it), with a column that migrate dev would add.
        var unformatted = Schema.Replace("  id Int @id\n", "  id Int @id\n  name  String?\n");
        cli.Write("prisma/schema.prisma", unformatted);
        cli.Write("prisma/.env", "DATABASE_URL=\"file:./dev.db\"\n");
        cli.Write("prisma/migrations/migration_lock.toml", "provider = \"sqlite\"\n");
        cli.Write("prisma/migrations/20240101000000_init/migration.sql", "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
        cli.Write("multi/models.prisma", unformatted);
        string? user = IsRoot ? "nobody" : null;
        if (IsRoot) Run("chown", "-R", "nobody:nogroup", cli.Directory);
        arrange(cli);
        try
        {
            BadInputTests.AssertOneLine(StrataProcess.RunAs(user, cli.Directory, args), expected);
        }
        finally
        {
            // Give the folder back, so that it can be removed (by a user the permissions stop).
            Run("chmod", "-R", "u+rwx", cli.Directory);
        }
    }

    private static void Deny(CliRunner cli, string relative, UnixFileMode mode) => File.SetUnixFileMode(cli.PathOf(relative), mode);

    private static void Run(string file, params string[] args)
    {
        using var process = Process.Start(file, args);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
