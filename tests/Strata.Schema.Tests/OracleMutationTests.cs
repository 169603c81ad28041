using Strata.TestSupport;

namespace Strata.Schema.Tests;

/// <summary>
/// Mutated schemas (a line removed, repeated, or moved elsewhere) get Prisma's verdict: invalid
/// for both or valid for both, and when valid the same warnings on the same lines. (Where a mutant
/// is invalid the lines are not compared: Prisma stops after its first failing phase, so which
/// errors it lists depends on its order of checks.) The seed is fixed; STRATA_ORACLE_MUTATIONS sets how many mutants each schema
/// gets (a few in CI, many for a long run).
/// </summary>
public class OracleMutationTests
{
    private static int MutantsPerSchema => int.TryParse(Environment.GetEnvironmentVariable("STRATA_ORACLE_MUTATIONS"), out var n) ? n : 8;

    [OracleTheory]
    [MemberData(nameof(OracleVerdictTests.TestSchemas), MemberType = typeof(OracleVerdictTests))]
    public void Mutated_schema_gets_Prisma_s_verdicts(string relativePath)
    {
        if (OracleVerdictTests.KnownDifferences.ContainsKey(relativePath)) return;
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", relativePath));
        var random = new Random(relativePath.Length * 7919 + 17);
        var failures = new List<string>();
        for (int i = 0; i < MutantsPerSchema; i++)
        {
            var mutant = Mutate(text, random);
            var (prisma, strata) = OracleVerdictTests.Verdicts(mutant);
            bool prismaValid = !prisma.Any(v => v.StartsWith("error", StringComparison.Ordinal));
            bool strataValid = !strata.Any(v => v.StartsWith("error", StringComparison.Ordinal));
            if (prismaValid != strataValid || (prismaValid && !prisma.SequenceEqual(strata)))
                failures.Add($"Prisma [{string.Join(", ", prisma)}] Strata [{string.Join(", ", strata)}]\n{mutant}");
        }
        Assert.True(failures.Count == 0, string.Join("\n----\n", failures));
    }

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        int at = random.Next(1, lines.Count);
        switch (random.Next(3))
        {
            case 0: lines.RemoveAt(at); break;
            case 1: lines.Insert(at, lines[at]); break;
            default:
                var line = lines[at];
                lines.RemoveAt(at);
                lines.Insert(random.Next(1, lines.Count), line);
                break;
        }
        return string.Join("\n", lines);
    }
}
