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

    /// <summary>Rows per bulk insert: the 10,000 on both providers.</summary>
    public int InsertManyRows(Provider provider) => Workload.InsertRows;

    public int InsertLoopRows => Workload.InsertRows;
}
