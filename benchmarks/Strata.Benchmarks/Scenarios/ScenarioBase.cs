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

    /// <summary>The libraries are made once per provider for the whole run (<see cref="LibrarySet"/>); each benchmark only picks them up.</summary>
    [GlobalSetup]
    public void ConnectLibraries() => Libraries = LibrarySet.For(Provider);
}
