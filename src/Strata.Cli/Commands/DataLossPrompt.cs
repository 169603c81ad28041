using Strata.Cli.Output;
using Strata.Migrate.Diffing;

namespace Strata.Cli.Commands;

/// <summary>
/// What every command does before a change that loses data: list it with row counts; on a
/// terminal ask; without one (or when the answer is no) stop with the list, unless
/// --accept-data-loss was given.
/// </summary>
internal static class DataLossPrompt
{
    /// <summary>True when the change may go ahead.</summary>
    public static bool Allow(CliContext context, IReadOnlyList<DataLossWarning> warnings, bool accepted, string what)
    {
        if (warnings.Count == 0) return true;
        context.Error.WriteLine($"{what} would lose data:");
        foreach (var w in warnings) context.Error.WriteLine("  - " + w.Message);
        if (accepted) return true;
        if (context.Confirm != null && context.Confirm("Go ahead and lose this data?")) return true;
        DiagnosticPrinter.PrintError(context, "Nothing was changed. Run again with --accept-data-loss to go ahead.");
        return false;
    }
}
