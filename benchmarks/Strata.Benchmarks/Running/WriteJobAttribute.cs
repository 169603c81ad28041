using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;

namespace Strata.Benchmarks.Running;

/// <summary>
/// The iterations of the insert scenarios. One call inserts thousands of rows and takes from a tenth
/// of a second to seconds, so an iteration is one call (and the rows are reset before each); the quick
/// mode runs two warm-ups and seven measured calls (with three, one slow call, from the disk or a
/// checkpoint, moved a median by 2x), the full mode BenchmarkDotNet's defaults. The
/// attribute is read when the benchmarks are collected, after Program has set the run's settings.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class WriteJobAttribute() : JobMutatorConfigBaseAttribute(Mutator())
{
    public const int QuickWarmups = 2;

    public const int QuickIterations = 7;

    private static Job Mutator()
    {
        var job = new Job().WithInvocationCount(1).WithUnrollFactor(1);
        return RunSettings.Current.Quick ? job.WithWarmupCount(QuickWarmups).WithIterationCount(QuickIterations) : job;
    }
}
