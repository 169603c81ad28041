using FsCheck;
using FsCheck.Fluent;
using Strata.TestSupport;

namespace Strata.Schema.Tests;

/// <summary>
/// Mutated schemas (a line removed, repeated, or moved elsewhere, drawn by an FsCheck generator)
/// get Prisma's verdict: invalid for both or valid for both, and when valid the same warnings on
/// the same lines. (Where a mutant is invalid the lines are not compared: a moved line often breaks
/// the syntax, and each parser recovers its own way.) The seed is fixed per schema;
/// STRATA_ORACLE_MUTATIONS sets how many mutants each schema gets (a few in CI, many for a long run).
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
        var failures = new List<string>();
        foreach (var mutant in Gen.Sample(Mutant(text), MutantsPerSchema, new Rnd((ulong)(relativePath.Length * 7919 + 17)), 10))
        {
            var (prisma, strata) = OracleVerdictTests.Verdicts(mutant);
            bool prismaValid = !prisma.Any(v => v.StartsWith("error", StringComparison.Ordinal));
            bool strataValid = !strata.Any(v => v.StartsWith("error", StringComparison.Ordinal));
            if (prismaValid != strataValid || (prismaValid && !prisma.SequenceEqual(strata)))
                failures.Add($"Prisma [{string.Join(", ", prisma)}] Strata [{string.Join(", ", strata)}]\n{mutant}");
        }
        Assert.True(failures.Count == 0, string.Join("\n----\n", failures));
    }

    /// <summary>The schema with one line (never the first) removed, repeated, or moved to another place.</summary>
    internal static Gen<string> Mutant(string text)
    {
        var lines = text.Split('\n');
        return from kind in Gen.Choose(0, 2)
               from at in Gen.Choose(1, Math.Max(1, lines.Length - 1))
               from to in Gen.Choose(1, Math.Max(1, lines.Length - 2))
               select Apply(lines, kind, at, to);
    }

    private static string Apply(string[] original, int kind, int at, int to)
    {
        var lines = original.ToList();
        if (at >= lines.Count) return string.Join("\n", lines);
        switch (kind)
        {
            case 0: lines.RemoveAt(at); break;
            case 1: lines.Insert(at, lines[at]); break;
            default:
                var line = lines[at];
                lines.RemoveAt(at);
                lines.Insert(Math.Min(to, lines.Count), line);
                break;
        }
        return string.Join("\n", lines);
    }
}
