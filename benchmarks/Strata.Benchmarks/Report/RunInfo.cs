using System.Reflection;

namespace Strata.Benchmarks.Report;

/// <summary>What the report says about the run itself: when, how, on what, and how busy the machine was.</summary>
public sealed record RunInfo(
    DateTime StartedUtc, TimeSpan Duration, string Command, IReadOnlyList<string> Machine, string? LoadAtStart, string? LoadAtEnd,
    string SqliteVersion, string PostgresVersion, string JobDescription)
{
    /// <summary>The load averages of /proc/loadavg (1, 5 and 15 minutes), or null where there is none.</summary>
    public static string? ReadLoad()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{fields[0]} / {fields[1]} / {fields[2]} (1 / 5 / 15 min) on {Environment.ProcessorCount} cores";
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>The version of each library, from its assembly.</summary>
    public static IEnumerable<(string Library, string Version)> LibraryVersions() =>
    [
        ("BenchmarkDotNet", VersionOf(typeof(BenchmarkDotNet.Running.BenchmarkRunner))),
        ("Dapper", VersionOf(typeof(Dapper.SqlMapper))),
        ("EF Core", VersionOf(typeof(Microsoft.EntityFrameworkCore.DbContext))),
        ("EF Core SQLite", VersionOf(typeof(Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions))),
        ("EF Core Npgsql", VersionOf(typeof(Microsoft.EntityFrameworkCore.NpgsqlDbContextOptionsBuilderExtensions))),
        ("Microsoft.Data.Sqlite", VersionOf(typeof(Microsoft.Data.Sqlite.SqliteConnection))),
        ("Npgsql", VersionOf(typeof(Npgsql.NpgsqlConnection))),
        ("Strata", VersionOf(typeof(global::Strata.StrataClient))),
    ];

    private static string VersionOf(Type type)
    {
        var version = type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? type.Assembly.GetName().Version?.ToString() ?? "?";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
