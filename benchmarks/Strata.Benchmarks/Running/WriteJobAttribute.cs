using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;

namespace Strata.Benchmarks.Running;

/// <summary>
/// The iterations of the insert scenarios. One call inserts thousands of rows and takes from a tenth
/// of a second to seconds, so an iteration is one call (and the rows are reset before each); the quick
/// mode runs one warm-up and three measured calls, the full mode BenchmarkDotNet's defaults. The
/// attribute is read when the benchmarks are collected, after Program has set the run's settings.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class WriteJobAttribute() : JobMutatorConfigBaseAttribute(Mutator())
{
    private static Job Mutator()
    {
        var job = new Job().WithInvocationCount(1).WithUnrollFactor(1);
        return RunSettings.Current.Quick ? job.WithWarmupCount(1).WithIterationCount(3) : job;
    }
}
