using System.Net;
using System.Net.Sockets;
using Npgsql;
using Strata.TestSupport;

namespace Strata.Cli.Tests;

/// <summary>
/// No password reaches any output: errors, progress, status, db pull, diagnostics, the questions
/// asked on a terminal, and the messages of drivers and of the command-line parser that the tool
/// passes on. The password is made of marker words joined by the characters that break naive
/// redaction (<c>@ : / ? #</c>, a %-escape; <c>;</c> and a doubled quote in a quoted connection
/// string value); no marker may appear anywhere. The test server trusts loopback connections, so
/// a password is accepted and ignored there, and commands with one succeed.
/// </summary>
public class SecretTests
{
    private static readonly string[] Markers = ["alpha9Q", "bravo9Q", "charlie9Q", "delta9Q", "echo9Q", "fox9Q", "golf9Q"];

    /// <summary>As written in a URL: raw reserved characters and one escape (%40 is '@').</summary>
    private const string UrlPassword = "alpha9Q@bravo9Q:charlie9Q/delta9Q%40echo9Q?fox9Q#golf9Q";

    /// <summary>As written in a quoted connection string value: ';' inside, and '' for a quote.</summary>
    private const string QuotedPassword = "'alpha9Q;bravo9Q''charlie9Q=delta9Q echo9Q@fox9Q:golf9Q'";

    private const string Models = "\nmodel User {\n  id   Int     @id @default(autoincrement())\n  name String?\n}\n";

    private static string Schema(string provider) => $"datasource db {{\n  provider = \"{provider}\"\n  url      = env(\"DATABASE_URL\")\n}}\n" + Models;

    [Fact]
    public async Task No_postgres_password_is_shown_by_commands_that_succeed_or_fail()
    {
        var server = new NpgsqlConnectionStringBuilder(await PostgresServer.Shared.CreateDatabaseAsync("secret"));
        string url = $"postgresql://{server.Username}:{UrlPassword}@{server.Host}:{server.Port}/{server.Database}";
        string ado = $"Host={server.Host};Port={server.Port};Username={server.Username};PASSWORD={QuotedPassword};Database={server.Database}";
        using var cli = new SecretRunner();
        cli.Write("prisma/schema.prisma", Schema("postgresql"));

        // Succeeding commands, with the password in a URL and in a connection string.
        cli.Succeeds("migrate", "dev", "--name", "init", "--url", url);
        cli.Succeeds("migrate", "status", "--url", ado);
        cli.Succeeds("migrate", "deploy", "--url", url);
        cli.Succeeds("db", "pull", "--print", "--url", ado);
        cli.Succeeds("migrate", "diff", "--from-url", url, "--to-schema", "prisma/schema.prisma");
        cli.Succeeds("migrate", "reset", "--url", ado);
        Assert.Contains(cli.Questions, q => q.Contains("Host=127.0.0.1;", StringComparison.Ordinal) && q.Contains("PASSWORD=***", StringComparison.Ordinal));

        // Failing ones: a closed port, a database that does not exist, a URL without a host, a bad keyword, a positional URL.
        int closed = ClosedPort();
        cli.Fails("migrate", "status", "--url", url.Replace($":{server.Port}/", $":{closed}/", StringComparison.Ordinal));
        cli.Fails("migrate", "status", "--url", ado.Replace($"Port={server.Port}", $"Port={closed}", StringComparison.Ordinal));
        cli.Fails("migrate", "status", "--url", url.Replace(server.Database!, "no_such_database", StringComparison.Ordinal));
        cli.Fails("migrate", "deploy", "--url", $"postgresql://{server.Username}:{UrlPassword}@/db");
        cli.Fails("migrate", "status", "--url", ado + ";Frobnicate=1");
        cli.Fails("migrate", "diff", "--from-url", "postgresql://u:" + UrlPassword + "@/db", "--to-empty");
        cli.Fails("migrate", "status", url);
        // A database error that quotes a connection string, wrapped in the tool's own message and then in migrate status.
        cli.Write("prisma/migrations/20990101000000_bad/migration.sql", "SELECT 'Pwd=alpha9Q;x'::int;\n");
        cli.Fails("migrate", "deploy", "--url", url);
        cli.Fails("migrate", "status", "--url", url);
        cli.AssertNoMarker();
    }

    [Fact]
    public void No_sqlite_password_is_shown_by_commands_that_succeed_or_fail()
    {
        using var cli = new SecretRunner();
        cli.Write("prisma/schema.prisma", Schema("sqlite"));
        string url = "file:./dev.db?password=" + UrlPassword;
        cli.Succeeds("migrate", "dev", "--name", "init", "--url", url);
        cli.Succeeds("migrate", "status", "--url", url);
        cli.Succeeds("db", "pull", "--print", "--force", "--url", url);
        cli.Succeeds("migrate", "reset", "--url", url);
        Assert.Contains(cli.Questions, q => q.Contains("file:./dev.db?password=***", StringComparison.Ordinal));

        cli.Fails("migrate", "status", "--url", "Data Source=dev.db;Password=" + QuotedPassword);
        cli.Fails("migrate", "status", "--url", "Data Source=dev.db;pwd=" + QuotedPassword);
        cli.Fails("migrate", "status", "--url", "Data Source=dev.db;Mode=Sideways;Password=" + QuotedPassword);
        cli.Fails("migrate", "status", "--url", "sqlite://user:" + UrlPassword + "@host/dev.db");
        cli.Fails("migrate", "diff", "--from-url", "Data Source=dev.db;Password=" + QuotedPassword, "--to-empty");
        cli.Fails("migrate", "status", "Data Source=dev.db;Password=" + QuotedPassword);
        cli.AssertNoMarker();
    }

    [Fact]
    public void A_url_written_out_in_the_schema_is_hidden_in_diagnostics_and_db_pull_print()
    {
        using var cli = new SecretRunner();
        cli.Write("schema.prisma", $"datasource db {{\n  provider = \"sqlite\"\n  url      = \"file:./dev.db?password={UrlPassword}\" oops\n}}\n" + Models);
        var (_, _, error) = cli.Fails("validate");
        Assert.Contains("url      = \"file:./dev.db?password=***", error);
        Assert.Contains("^^^^", error);

        cli.Write("schema.prisma", $"datasource db {{\n  provider = \"sqlite\"\n  url      = \"file:./dev.db?password={UrlPassword}\"\n}}\n");
        var (_, output, _) = cli.Succeeds("db", "pull", "--print");
        Assert.Contains("url      = \"file:./dev.db?password=***", output);
        Assert.Contains("fox9Q", cli.Read("schema.prisma")); // the file keeps its url; only output hides it
        cli.AssertNoMarker();
    }

    [Fact]
    public void The_real_process_hides_the_password_in_parse_errors_and_connection_failures()
    {
        using var cli = new SecretRunner();
        cli.Write("prisma/schema.prisma", Schema("postgresql"));
        var unreachable = $"postgresql://u:{UrlPassword}@127.0.0.1:{ClosedPort()}/db";
        foreach (var args in new[] { new[] { "migrate", "status", "--url", unreachable }, ["migrate", "status", unreachable] })
        {
            var (code, output, error) = StrataProcess.Run(cli.Directory, args);
            Assert.Equal(1, code);
            Assert.DoesNotContain(Markers, m => (output + error).Contains(m, StringComparison.Ordinal));
            Assert.Contains("***", error);
            Assert.DoesNotContain("   at ", error);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs commands in process, keeping every output and every question asked on the (simulated) terminal.</summary>
    private sealed class SecretRunner : IDisposable
    {
        private readonly CliRunner _cli = new();
        private readonly List<string> _outputs = [];

        public List<string> Questions { get; } = [];

        public string Directory => _cli.Directory;

        public void Write(string relative, string text) => _cli.Write(relative, text);

        public string Read(string relative) => _cli.Read(relative);

        public (int Code, string Out, string Error) Succeeds(params string[] args)
        {
            var result = Run(args);
            Assert.True(result.Code == 0, $"strata {string.Join(' ', args)} failed:\n{result.Error}");
            return result;
        }

        public (int Code, string Out, string Error) Fails(params string[] args)
        {
            var result = Run(args);
            Assert.True(result.Code == 1, $"strata {string.Join(' ', args)} exited with {result.Code}:\n{result.Out}{result.Error}");
            Assert.DoesNotContain("   at ", result.Error); // one clear line, no stack trace
            return result;
        }

        public void AssertNoMarker()
        {
            foreach (var text in _outputs.Concat(Questions))
            {
                foreach (var marker in Markers) Assert.False(text.Contains(marker, StringComparison.Ordinal), $"`{marker}` shown in:\n{text}");
            }
        }

        private (int Code, string Out, string Error) Run(string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var context = new CliContext(_cli.Directory, output, error, false, _ => null)
            {
                Confirm = question => { Questions.Add(question); return true; },
                TempDirectory = _cli.TempDirectory,
            };
            int code = StrataCommand.Run(args, context, new StringReader("SELECT 1;"));
            _outputs.Add(output.ToString());
            _outputs.Add(error.ToString());
            return (code, output.ToString(), error.ToString());
        }

        public void Dispose() => _cli.Dispose();
    }
}
