using Strata.Benchmarks.Databases;
using Strata.Benchmarks.Seed;

namespace Strata.Benchmarks.Running;

/// <summary>What a run measures and how long it may take: the quick mode fits 10 minutes on two cores.</summary>
public sealed record RunSettings(bool Quick, string? Filter, int ColdStartLaunches, string ReportPath)
{
    private static RunSettings? _current;

    public static RunSettings Current
    {
        get => _current ?? throw new InvalidOperationException("Program sets the run's settings before any benchmark runs.");
        set => _current = value;
    }

    /// <summary>
    /// Rows per bulk insert. Strata's CreateMany on SQLite is known to be very slow at 10,000 rows (one
    /// INSERT with thousands of parameters per 1,000 rows); the quick mode measures that scenario on
    /// SQLite at a size that fits its time, for every library alike, and the report says so.
    /// </summary>
    public int InsertManyRows(Provider provider) => Quick && provider == Provider.Sqlite ? QuickSqliteInsertManyRows : Workload.InsertRows;

    /// <summary>At 10,000 rows one CreateMany call took about 9 s on this project's 2-core machine; at 1,000 rows about a tenth of it.</summary>
    public const int QuickSqliteInsertManyRows = 1_000;

    public int InsertLoopRows => Workload.InsertRows;

    /// <summary>Each library's scenario sizes that differ from the issue's, for the report.</summary>
    public IEnumerable<string> SizeNotes()
    {
        if (InsertManyRows(Provider.Sqlite) != Workload.InsertRows)
            yield return $"Insert many on SQLite is measured at {InsertManyRows(Provider.Sqlite):N0} rows instead of {Workload.InsertRows:N0} in the quick mode, for every library: Strata's CreateMany at {Workload.InsertRows:N0} rows does not fit the quick mode's time.";
    }
}
