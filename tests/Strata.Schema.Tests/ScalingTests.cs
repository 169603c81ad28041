using System.Diagnostics;
using System.Text;
using Strata.Schema.Binding;

namespace Strata.Schema.Tests;

/// <summary>
/// Validation time grows with the size of the schema, not with its square: names are looked up in
/// dictionaries, foreign keys are grouped per model in one pass, and "did you mean" searches share a
/// budget. Four times the models may take about four times the work; a quadratic step makes it
/// sixteen. Measured before the fix, the step from 2,000 to 8,000 models took 15 to 20 times the
/// CPU time; after it, about 5 (the garbage collector works a little harder on a larger heap). The
/// bound, 9, sits well away from both. The test thread's CPU time is measured (not the wall clock,
/// which other processes on a busy machine stretch), each size a few times, and the fastest counts.
/// </summary>
public class ScalingTests
{
    /// <summary>A chain of models, each with a one-to-many relation to the next, an enum, a unique field and an index; <paramref name="broken"/> adds a field of an undeclared type to each.</summary>
    internal static string Chain(int models, bool broken)
    {
        var sb = new StringBuilder("datasource db {\n  provider = \"postgresql\"\n}\n\nenum Kind {\n  A\n  B\n}\n");
        for (int i = 0; i < models; i++)
        {
            sb.Append($"\nmodel M{i} {{\n  id     Int    @id\n  code   String @unique\n  kind   Kind\n");
            if (i > 0) sb.Append($"  prevId Int?\n  prev   M{i - 1}? @relation(\"Chain{i}\", fields: [prevId], references: [id])\n");
            if (i < models - 1) sb.Append($"  next   M{i + 1}[] @relation(\"Chain{i + 1}\")\n");
            if (broken) sb.Append($"  bad    Q{i}x\n");
            if (i > 0) sb.Append("\n  @@index([prevId])\n");
            sb.Append("}\n");
        }
        return sb.ToString();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Four_times_the_models_take_about_four_times_the_work(bool broken)
    {
        var small = Chain(2_000, broken);
        var large = Chain(8_000, broken);
        var compiled = SchemaCompilation.FromText(large);
        Assert.Equal(broken ? 8_000 : 0, compiled.Diagnostics.Count);
        Assert.Equal(7_999, compiled.Schema.Relations.Count);

        SchemaCompilation.FromText(Chain(200, broken)); // JIT and first-use costs stay out of the measurement
        long smallBest = long.MaxValue, largeBest = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            smallBest = Math.Min(smallBest, ThreadTime.Of(() => SchemaCompilation.FromText(small)));
            largeBest = Math.Min(largeBest, ThreadTime.Of(() => SchemaCompilation.FromText(large)));
        }
        double ratio = (double)largeBest / Math.Max(1, smallBest);
        Assert.True(ratio < 9, $"2,000 models took {smallBest / 1_000_000} ms, 8,000 took {largeBest / 1_000_000} ms: {ratio:F1}x");
    }

    [Fact]
    public void Did_you_mean_searches_stop_at_their_budget()
    {
        var hints = new NameHints();
        Assert.Equal("Customer", hints.Near(["Order", "Customer"], "Custmer"));
        var unrelated = Enumerable.Range(0, NameHints.ComparisonBudget * 2).Select(i => "Model" + i).ToList();
        Assert.Null(hints.Near(unrelated, "Customer"));
        Assert.Equal(NameHints.ComparisonBudget, hints.Spent);
        // Past the budget only a name that differs in case is still found, through the dictionary.
        Assert.Null(hints.Near(["Order", "Customer"], "Custmer"));
        Assert.Equal("Customer", hints.Near(["Order", "Customer"], "CUSTOMER", NameHints.ByFoldedName(["Order", "Customer"])));
        Assert.Equal(NameHints.ComparisonBudget, hints.Spent);
    }

    [Fact]
    public void A_typo_in_a_small_schema_still_gets_its_hint()
    {
        var compilation = SchemaCompilation.FromText(Chain(50, false).Replace("kind   Kind", "kind   Knid"));
        Assert.All(compilation.Diagnostics, d => Assert.Contains("did you mean `Kind`?", d.Message));
    }

}

/// <summary>The CPU time the calling thread spends in an action, in nanoseconds; the wall clock where the platform has no thread clock.</summary>
internal static class ThreadTime
{
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    public static long Of(Action action)
    {
        GC.Collect();
        if (!OperatingSystem.IsLinux())
        {
            var watch = Stopwatch.StartNew();
            action();
            return watch.Elapsed.Ticks * 100;
        }
        long start = Now();
        action();
        return Now() - start;
    }

    private static long Now()
    {
        if (ClockGetTime(ThreadCpuClock, out var time) != 0) throw new InvalidOperationException("clock_gettime failed");
        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
