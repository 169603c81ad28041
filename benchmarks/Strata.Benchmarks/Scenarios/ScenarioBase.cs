using BenchmarkDotNet.Attributes;
using Strata.Benchmarks.Databases;
using Strata.Benchmarks.Libraries;

namespace Strata.Benchmarks.Scenarios;

/// <summary>
/// A scenario: one benchmark method per library, run on each provider. Hand-written ADO.NET is the
/// baseline, so each library's ratio to it is read within the same scenario and provider.
/// </summary>
public abstract class ScenarioBase
{
    [ParamsAllValues]
    public Provider Provider { get; set; }

    protected LibrarySet Libraries { get; private set; } = null!;

    [GlobalSetup]
    public void ConnectLibraries()
    {
        Libraries = LibrarySet.For(Provider);
        AfterSetup();
    }

    /// <summary>What a scenario prepares beyond the libraries.</summary>
    protected virtual void AfterSetup() { }
}
