using System.Diagnostics;
using System.Diagnostics.Tracing;
using Strata.Benchmarks.Databases;
using Strata.Benchmarks.Libraries;
using Strata.Benchmarks.Libraries.Strata;
using Strata.Benchmarks.Seed;

namespace Strata.Benchmarks.Running;

/// <summary>
/// <c>--probe</c>: hand-written ADO.NET and Strata called in turn, call by call, for the budget's
/// scenarios on each provider. Both sides of each pair run under the same load, so the ratio of
/// their medians holds on a busy machine, where BenchmarkDotNet's runs of one library after the
/// other take whatever load each one met. Also the bytes each call allocates (all threads) and the
/// types the runtime's allocation sampling (an event about every 100 KB) saw most for Strata, which
/// point at the code to look at. A diagnostic: the report's numbers are BenchmarkDotNet's.
/// </summary>
public static class PairedProbe
{
    private sealed record Pair(string Scenario, int Calls, Func<int, Task> AdoNet, Func<int, Task> Strata, Func<Task>? Reset = null);

    public static async Task<int> RunAsync(TextWriter log, string? only)
    {
        await using var workspace = await Workspace.CreateAsync(log);
        try
        {
            foreach (var provider in Enum.GetValues<Provider>())
            {
                var set = LibrarySet.For(provider);
                var rows = SeedData.NewPostRows(Workload.InsertRows, seed: 7);
                var creates = rows.ConvertAll(StrataLibrary.ToCreate);
                Task Reset() => Seeder.RemoveAddedPostsAsync(set.AdoNet.Connection);
                Pair[] pairs =
                [
                    new("one row by key", 20_000, i => set.AdoNet.OneByKeyAsync(Workload.KeyFor(i)), i => set.Strata.OneByKeyAsync(Workload.KeyFor(i))),
                    new("1,000 rows", 400, _ => set.AdoNet.AllPostsAsync(), _ => set.Strata.AllPostsAsync()),
                    new("relations", 100, _ => set.AdoNet.UsersWithPostsAndCommentsAsync(), _ => set.Strata.UsersWithPostsAndCommentsAsync()),
                    new("insert many", 12, _ => set.AdoNet.BulkInsertAsync(rows), _ => set.Strata.CreateManyAsync(creates), Reset),
                    new("insert loop", 6, _ => set.AdoNet.InsertLoopAsync(rows), _ => set.Strata.CreateLoopAsync(creates), Reset),
                ];
                foreach (var pair in pairs.Where(p => only == null || Letters($"{provider} {p.Scenario}").Contains(Letters(only), StringComparison.Ordinal)))
                    await ProbeAsync(log, provider, pair);
                await Reset();
            }
            return 0;
        }
        finally
        {
            await LibrarySet.DisposeAllAsync();
        }
    }

    private static async Task ProbeAsync(TextWriter log, Provider provider, Pair pair)
    {
        for (int i = 0; i < Math.Max(2, pair.Calls / 10); i++)
        {
            await Call(pair.AdoNet, i, pair.Reset);
            await Call(pair.Strata, i, pair.Reset);
        }
        var adoTimes = new List<double>(pair.Calls);
        var strataTimes = new List<double>(pair.Calls);
        long adoBytes = 0, strataBytes = 0;
        using var sampler = new AllocationSampler();
        for (int i = 0; i < pair.Calls; i++)
        {
            // Which side goes first alternates, so neither always runs on the other's leftovers.
            bool adoFirst = i % 2 == 0;
            for (int side = 0; side < 2; side++)
            {
                bool ado = (side == 0) == adoFirst;
                if (pair.Reset != null) await pair.Reset();
                sampler.Counting = !ado;
                long bytes = GC.GetTotalAllocatedBytes(precise: false);
                long started = Stopwatch.GetTimestamp();
                await (ado ? pair.AdoNet : pair.Strata)(i);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                bytes = GC.GetTotalAllocatedBytes(precise: false) - bytes;
                sampler.Counting = false;
                if (ado) { adoTimes.Add(elapsed); adoBytes += bytes; }
                else { strataTimes.Add(elapsed); strataBytes += bytes; }
            }
        }
        double adoMedian = Median(adoTimes), strataMedian = Median(strataTimes);
        log.WriteLine($"{provider}, {pair.Scenario}: ADO.NET {adoMedian:F1} µs, Strata {strataMedian:F1} µs, ratio of medians {strataMedian / adoMedian:F2}x; " +
            $"allocated {adoBytes / (double)pair.Calls:F0} and {strataBytes / (double)pair.Calls:F0} bytes per call ({strataBytes / (double)Math.Max(1, adoBytes):F2}x)");
        foreach (var (type, count) in sampler.Top(8)) log.WriteLine($"    {count * 100.0 / sampler.Total,5:F1}%  {type}");
    }

    private static async Task Call(Func<int, Task> call, int i, Func<Task>? reset)
    {
        if (reset != null) await reset();
        await call(i);
    }

    /// <summary>Lower-case letters and digits only, so "sqlite-onerow" picks "Sqlite, one row by key".</summary>
    private static string Letters(string text) => new([.. text.ToLowerInvariant().Where(char.IsLetterOrDigit)]);

    private static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /// <summary>Counts the types of the runtime's AllocationTick events (GC keyword, verbose level) while <see cref="Counting"/>.</summary>
    private sealed class AllocationSampler : EventListener
    {
        private readonly Dictionary<string, int> _types = [];

        public volatile bool Counting;

        public int Total { get; private set; }

        public IEnumerable<(string Type, int Count)> Top(int n)
        {
            lock (_types) return [.. _types.OrderByDescending(p => p.Value).Take(n).Select(p => (p.Key, p.Value))];
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (!Counting || e.EventName == null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload == null) return;
            int index = e.PayloadNames!.IndexOf("TypeName");
            if (index < 0 || e.Payload[index] is not string type) return;
            lock (_types)
            {
                _types[type] = _types.GetValueOrDefault(type) + 1;
                Total++;
            }
        }
    }
}
