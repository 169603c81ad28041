using System.Diagnostics;
using System.Text.Json.Nodes;
using MySqlConnector;
using Npgsql;

namespace Strata.TestSupport;

/// <summary>
/// Prisma's own engines (tests/oracle, a node process kept for the whole test run) as the reference
/// for Strata's behaviour: schema validation and formatting from prisma-schema-wasm, migration SQL
/// and introspection from the schema engine. Requests are one JSON line each and run one at a time.
/// </summary>
public static class PrismaOracle
{
    private static readonly Lazy<string?> Unavailable = new(FindWhyUnavailable);
    private static readonly object ProcessGate = new();
    private static OracleProcess? _process;

    /// <summary>The folder of the node project.</summary>
    public static string Directory => Path.Combine(TestPaths.RepoRoot, "tests", "oracle");

    /// <summary>True when node and the installed node project are there.</summary>
    public static bool IsAvailable => Unavailable.Value == null;

    /// <summary>Why the oracle cannot run here, or null when it can.</summary>
    public static string? UnavailableReason => Unavailable.Value;

    private static readonly Lazy<string?> MySqlUnavailable = new(FindWhyMySqlUnavailable);

    /// <summary>Why the oracle cannot answer for MySQL, or null when it can.</summary>
    public static string? MySqlUnavailableReason => MySqlUnavailable.Value;

    // The schema engine's WebAssembly build has the connectors it was compiled with; 8.1.0-2 (the
    // newest published) has PostgreSQL and SQLite only, and panics "Unsupported adapter provider:
    // Mysql" on a MySQL adapter. A build with the MySQL flavour holds its source paths.
    private static string? FindWhyMySqlUnavailable()
    {
        if (UnavailableReason is { } reason) return reason;
        var wasm = File.ReadAllBytes(Path.Combine(Directory, "node_modules", "@prisma", "schema-engine-wasm", "schema_engine_bg.wasm"));
        var marker = System.Text.Encoding.ASCII.GetBytes("sql-schema-connector/src/flavour/mysql");
        return wasm.AsSpan().IndexOf(marker) >= 0 ? null
            : "the installed @prisma/schema-engine-wasm is built without the MySQL connector (it has PostgreSQL and SQLite only)";
    }

    /// <summary>The schema engine's commit, which names the Prisma build the answers come from.</summary>
    public static string Version() => Call(new JsonObject { ["op"] = "version" })!.GetValue<string>();

    /// <summary>The schema as `prisma format` writes it.</summary>
    public static string Format(string schema) =>
        Call(new JsonObject { ["op"] = "format", ["schema"] = schema })!.GetValue<string>();

    /// <summary>Prisma's verdict on a schema; the message holds the errors with their lines when it is invalid.</summary>
    public static OracleValidation Validate(string schema)
    {
        var result = Call(new JsonObject { ["op"] = "validate", ["schema"] = schema })!;
        return new OracleValidation(result["valid"]!.GetValue<bool>(), result["message"]!.GetValue<string>());
    }

    /// <summary>Prisma's lint diagnostics (errors and warnings) as the raw JSON array.</summary>
    public static JsonArray Lint(string schema) =>
        Call(new JsonObject { ["op"] = "lint", ["schema"] = schema })!.AsArray();

    /// <summary>Prisma's DMMF of a valid schema.</summary>
    public static JsonNode GetDmmf(string schema) =>
        Call(new JsonObject { ["op"] = "getDmmf", ["schema"] = schema })!;

    /// <summary>
    /// The schema engine's `migrate diff --script` from one schema to another (null for the empty
    /// database). SQLite needs no database; PostgreSQL needs a live one (an Npgsql connection string).
    /// </summary>
    public static string DiffSqlite(string? from, string to) => Diff(from, to, provider: "sqlite", connectionString: null);

    /// <inheritdoc cref="DiffSqlite"/>
    public static string DiffPostgres(string? from, string to, string connectionString) => Diff(from, to, "postgres", connectionString);

    /// <summary>
    /// The schema engine's `migrate diff --script` on MySQL/MariaDB, through Prisma's MariaDB adapter
    /// on the live database of <paramref name="connectionString"/> (a MySqlConnector connection string);
    /// the shadow database the engine may need is created on the same server and dropped after.
    /// </summary>
    public static string DiffMySql(string? from, string to, string connectionString) => Diff(from, to, "mysql", connectionString);

    /// <summary>The schema the engine reads from a live MySQL/MariaDB database; <paramref name="schema"/> gives the datasource and generator blocks.</summary>
    public static string IntrospectMySql(string schema, string connectionString)
    {
        var request = new JsonObject { ["op"] = "introspect", ["schema"] = schema, ["provider"] = "mysql", ["url"] = MySqlUrl(connectionString) };
        return Call(request)!["schema"]!.GetValue<string>();
    }

    /// <summary>A MySqlConnector connection string as the mysql:// URL the MariaDB adapter takes.</summary>
    public static string MySqlUrl(string connectionString)
    {
        var b = new MySqlConnectionStringBuilder(connectionString);
        var password = string.IsNullOrEmpty(b.Password) ? "" : ":" + Uri.EscapeDataString(b.Password);
        return $"mysql://{Uri.EscapeDataString(b.UserID)}{password}@{b.Server}:{b.Port}/{Uri.EscapeDataString(b.Database)}";
    }

    /// <summary>The schema the engine reads from a live PostgreSQL database; <paramref name="schema"/> gives the datasource and generator blocks.</summary>
    public static string IntrospectPostgres(string schema, string connectionString)
    {
        var request = new JsonObject { ["op"] = "introspect", ["schema"] = schema, ["provider"] = "postgres", ["url"] = PostgresUrl(connectionString) };
        return Call(request)!["schema"]!.GetValue<string>();
    }

    /// <summary>The schema the engine reads from a SQLite database file; <paramref name="schema"/> gives the datasource and generator blocks.</summary>
    public static string IntrospectSqlite(string schema, string databaseFile)
    {
        var request = new JsonObject { ["op"] = "introspect", ["schema"] = schema, ["provider"] = "sqlite", ["file"] = Path.GetFullPath(databaseFile) };
        return Call(request)!["schema"]!.GetValue<string>();
    }

    /// <summary>An Npgsql connection string as the postgresql:// URL node-postgres takes.</summary>
    public static string PostgresUrl(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var user = Uri.EscapeDataString(b.Username ?? "postgres");
        var password = string.IsNullOrEmpty(b.Password) ? "" : ":" + Uri.EscapeDataString(b.Password);
        return $"postgresql://{user}{password}@{b.Host}:{b.Port}/{Uri.EscapeDataString(b.Database ?? "postgres")}";
    }

    private static string Diff(string? from, string to, string provider, string? connectionString)
    {
        var request = new JsonObject { ["op"] = "diff", ["provider"] = provider, ["from"] = from, ["to"] = to };
        if (connectionString != null) request["url"] = provider == "mysql" ? MySqlUrl(connectionString) : PostgresUrl(connectionString);
        return Call(request)!.GetValue<string>();
    }

    // One process for the run; should the engine crash it (a panic the engine does not catch), the
    // request fails with the process's last words and the next request starts a new one.
    private static JsonNode? Call(JsonObject request)
    {
        OracleProcess process;
        lock (ProcessGate)
        {
            if (_process == null || _process.HasExited) _process = OracleProcess.Start();
            process = _process;
        }
        return process.Call(request);
    }

    private static string? FindWhyUnavailable()
    {
        if (!File.Exists(Path.Combine(Directory, "node_modules", "@prisma", "schema-engine-wasm", "schema_engine_bg.wasm")))
            return $"needs the node project in {Directory} installed (npm ci --prefix tests/oracle, which test.sh runs when node is there)";
        try
        {
            using var node = System.Diagnostics.Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            node.WaitForExit();
            return node.ExitCode == 0 ? null : "node --version failed";
        }
        catch (Exception e)
        {
            return "needs node on PATH to run Prisma's engines (" + e.Message + ")";
        }
    }

    /// <summary>The node process; one request at a time, stopped when the test process exits.</summary>
    private sealed class OracleProcess
    {
        private readonly Process _node;
        private readonly object _gate = new();
        private readonly Queue<string> _lastErrors = new();
        private int _nextId;

        private OracleProcess(Process node) => _node = node;

        public bool HasExited => _node.HasExited;

        public static OracleProcess Start()
        {
            if (UnavailableReason is { } reason) throw new InvalidOperationException(reason);
            var start = new ProcessStartInfo("node", "oracle.mjs")
            {
                WorkingDirectory = Directory,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var node = System.Diagnostics.Process.Start(start)!;
            var process = new OracleProcess(node);
            // Stderr is drained so a chatty engine never blocks on a full pipe; its last lines say why a crash happened.
            node.ErrorDataReceived += (_, e) => process.KeepError(e.Data);
            node.BeginErrorReadLine();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(node);
            var ready = node.StandardOutput.ReadLine();
            if (ready == null || !ready.Contains("\"ready\"")) throw new InvalidOperationException("the oracle process did not start: " + ready);
            return process;
        }

        private void KeepError(string? line)
        {
            if (line == null) return;
            lock (_lastErrors)
            {
                _lastErrors.Enqueue(line);
                while (_lastErrors.Count > 20) _lastErrors.Dequeue();
            }
        }

        private string LastErrors()
        {
            _node.WaitForExit(2000);
            lock (_lastErrors) return string.Join("\n", _lastErrors);
        }

        public JsonNode? Call(JsonObject request)
        {
            lock (_gate)
            {
                var id = ++_nextId;
                request["id"] = id;
                try
                {
                    _node.StandardInput.WriteLine(request.ToJsonString());
                    _node.StandardInput.Flush();
                }
                catch (IOException)
                {
                    throw new OracleException("the oracle process ended (the engine crashed):\n" + LastErrors());
                }
                var line = _node.StandardOutput.ReadLine() ?? throw new OracleException("the oracle process ended (the engine crashed):\n" + LastErrors());
                var reply = JsonNode.Parse(line)!;
                if (reply["id"]?.GetValue<int>() != id) throw new InvalidOperationException("the oracle answered out of turn: " + line);
                if (reply["ok"]!.GetValue<bool>()) return reply["result"];
                throw new OracleException(reply["error"]?.GetValue<string>() ?? line);
            }
        }

        private static void Stop(Process node)
        {
            try
            {
                node.StandardInput.Close();
                if (!node.WaitForExit(2000)) node.Kill();
            }
            catch (InvalidOperationException) { /* already gone */ }
        }
    }
}

/// <summary>Prisma's verdict on a schema.</summary>
public sealed record OracleValidation(bool IsValid, string Message);

/// <summary>An error the engines reported for a request (invalid schema, database error, panic).</summary>
public sealed class OracleException(string message) : Exception(message);

/// <summary>A fact that needs Prisma's engines (tests/oracle); skipped with the reason when node or its packages are missing.</summary>
public sealed class OracleFactAttribute : FactAttribute
{
    public OracleFactAttribute()
    {
        if (!PrismaOracle.IsAvailable) Skip = PrismaOracle.UnavailableReason;
    }
}

/// <summary>A theory that needs Prisma's engines; skipped with the reason when they are missing.</summary>
public sealed class OracleTheoryAttribute : TheoryAttribute
{
    public OracleTheoryAttribute()
    {
        if (!PrismaOracle.IsAvailable) Skip = PrismaOracle.UnavailableReason;
    }
}

/// <summary>A fact that needs Prisma's engines with their MySQL connector; skipped with the reason when they lack it.</summary>
public sealed class MySqlOracleFactAttribute : FactAttribute
{
    public MySqlOracleFactAttribute()
    {
        if (PrismaOracle.MySqlUnavailableReason is { } reason) Skip = reason;
    }
}

/// <summary>A theory that needs Prisma's engines with their MySQL connector; skipped with the reason when they lack it.</summary>
public sealed class MySqlOracleTheoryAttribute : TheoryAttribute
{
    public MySqlOracleTheoryAttribute()
    {
        if (PrismaOracle.MySqlUnavailableReason is { } reason) Skip = reason;
    }
}

/// <summary>A theory that needs Prisma's engines and ../shared/data; skipped with the first missing one's reason.</summary>
public sealed class OracleSharedDataTheoryAttribute : TheoryAttribute
{
    public OracleSharedDataTheoryAttribute()
    {
        if (!TestPaths.HasSharedData) Skip = TestPaths.NoSharedDataReason;
        else if (!PrismaOracle.IsAvailable) Skip = PrismaOracle.UnavailableReason;
    }
}
