using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Strata.Benchmarks.Running;

/// <summary>
/// BenchmarkDotNet's settings. Benchmarks run in this process (the in-process toolchain): the
/// databases and the private PostgreSQL server live here, and building a separate project per
/// benchmark would take minutes on two cores. The quick mode runs fewer and shorter iterations.
/// </summary>
public static class BenchConfig
{
    public const int QuickWarmups = 2;

    // Fifteen iterations: with seven, the PostgreSQL server sharing the two cores moved one-row medians by 2x between runs.
    public const int QuickIterations = 15;

    public static IConfig Create(RunSettings settings, string artifacts)
    {
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance);
        job = settings.Quick
            // Operations take microseconds to milliseconds, so the harness's own overhead (nanoseconds) is not measured in the quick mode.
            ? job.WithId("Quick").WithLaunchCount(1).WithWarmupCount(QuickWarmups).WithIterationCount(QuickIterations).WithIterationTime(TimeInterval.FromMilliseconds(100)).WithEvaluateOverhead(false)
            : job.WithId("Full");
        return ManualConfig.CreateEmpty()
            .AddJob(job)
            .WithOrderer(new PairedOrderer())
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend))
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);
    }
}
