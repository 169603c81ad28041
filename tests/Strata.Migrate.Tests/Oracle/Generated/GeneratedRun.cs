namespace Strata.Migrate.Tests.Oracle.Generated;

/// <summary>How many generated cases run, and from which seed: fixed and few in CI, set by environment variables for a long run.</summary>
internal static class GeneratedRun
{
    /// <summary>STRATA_CHANGE_ORACLE_SEED, else a fixed seed.</summary>
    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("STRATA_CHANGE_ORACLE_SEED"), out var n) ? n : 15;

    /// <summary>The number in <paramref name="variable"/>, else <paramref name="fallback"/>.</summary>
    public static int Count(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var n) ? n : fallback;
}
