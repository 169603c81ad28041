using Strata.Migrate.History;

namespace Strata.Cli.Commands;

/// <summary>
/// Prints each migration as it is applied, numbered, so that a long deploy shows where it is.
/// Written at once (Progress&lt;T&gt; would post to another thread, out of order with other output).
/// </summary>
internal sealed class ApplyProgress(CliContext context) : IProgress<MigrationProgress>
{
    public void Report(MigrationProgress value) =>
        context.Out.WriteLine($"[{value.Index}/{value.Count}] Applying migration `{value.Name}`");
}
