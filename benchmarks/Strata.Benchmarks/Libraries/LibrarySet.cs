using Strata.Benchmarks.Databases;
using Strata.Benchmarks.Libraries.AdoNet;
using Strata.Benchmarks.Libraries.Dapper;
using Strata.Benchmarks.Libraries.EfCore;
using Strata.Benchmarks.Libraries.Strata;

namespace Strata.Benchmarks.Libraries;

/// <summary>
/// Every library connected to one database, made once per provider and kept for the whole run, as
/// an application keeps its client, data source or context factory: the benchmarks measure
/// operations, not set-up.
/// </summary>
public sealed class LibrarySet : IAsyncDisposable
{
    private static readonly Dictionary<Provider, LibrarySet> Sets = [];

    private LibrarySet(BenchDatabase database, AdoNetLibrary adoNet)
    {
        Database = database;
        AdoNet = adoNet;
        Dapper = new DapperLibrary(database);
        EfCore = EfCoreLibrary.Create(database);
        Strata = new StrataLibrary(database);
    }

    public BenchDatabase Database { get; }
    public AdoNetLibrary AdoNet { get; }
    public DapperLibrary Dapper { get; }
    public EfCoreLibrary EfCore { get; }
    public StrataLibrary Strata { get; }

    /// <summary>The set for a provider of the current workspace (benchmarks run one at a time, so no lock).</summary>
    public static LibrarySet For(Provider provider)
    {
        if (Sets.TryGetValue(provider, out var set)) return set;
        var database = Workspace.Current.For(provider);
        set = new LibrarySet(database, AdoNetLibrary.OpenAsync(database).GetAwaiter().GetResult());
        Sets[provider] = set;
        return set;
    }

    public static async Task DisposeAllAsync()
    {
        foreach (var set in Sets.Values) await set.DisposeAsync();
        Sets.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await Strata.DisposeAsync();
        await Dapper.DisposeAsync();
        await AdoNet.DisposeAsync();
    }
}
