using Strata.Cli.Output;
using Strata.Migrate.Diffing;
using Strata.Migrate.Model;
using Strata.Migrate.Steps;

namespace Strata.Cli.Commands;

/// <summary>
/// What every command does before a change that loses data: list it with row counts; on a
/// terminal ask; without one (or when the answer is no) stop with the list, unless
/// --accept-data-loss was given. A check that cannot count stops the change too.
/// </summary>
internal static class DataLossPrompt
{
    /// <summary>
    /// True when <paramref name="steps"/> may run on the session's database, whose schema is
    /// <paramref name="live"/>; false after saying why not.
    /// </summary>
    public static async Task<bool> AllowAsync(CliContext context, MigrateCommand.Session session, DatabaseSchema live, IReadOnlyList<MigrationStep> steps,
        bool accepted, string what, CancellationToken token)
    {
        IReadOnlyList<DataLossWarning> warnings;
        try
        {
            warnings = await DataLossCheck.FindAsync(session.Connection, session.Target.Dialect, live, steps, token);
        }
        catch (DataLossCheckFailedException e)
        {
            DiagnosticPrinter.PrintError(context, e.Message);
            return false;
        }
        if (warnings.Count == 0) return true;
        context.Error.WriteLine($"{what} would lose data:");
        foreach (var w in warnings) context.Error.WriteLine("  - " + w.Message);
        if (accepted) return true;
        if (context.Confirm != null && context.Confirm("Go ahead and lose this data?")) return true;
        DiagnosticPrinter.PrintError(context, "Nothing was changed. Run again with --accept-data-loss to go ahead.");
        return false;
    }
}
