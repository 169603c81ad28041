using FsCheck;
using FsCheck.Fluent;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Schema.Tests.Generated;

/// <summary>
/// Schemas generated with FsCheck (<see cref="ShapeGenerators"/>, and one defect each from
/// <see cref="Defects"/>) get Prisma's verdict: valid for both or invalid for both, with the
/// same warnings on the same lines when valid, and Strata's errors on every line of Prisma's when
/// not (see <see cref="SameVerdicts"/>). The seed is fixed and the count small in CI;
/// STRATA_ORACLE_GENERATED sets the count and STRATA_ORACLE_SEED the seed for a long run, and
/// STRATA_ORACLE_DUMP a folder that receives each schema on which the verdicts differ.
/// </summary>
public class OracleGeneratedSchemaTests(ITestOutputHelper output)
{
    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("STRATA_ORACLE_GENERATED"), out var n) ? n : 150;

    /// <summary>A folder to write each schema with another verdict into (STRATA_ORACLE_DUMP), for a long run.</summary>
    private static string? Dump => Environment.GetEnvironmentVariable("STRATA_ORACLE_DUMP");

    private static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("STRATA_ORACLE_SEED"), out var n) ? n : 20261204;

    [OracleFact]
    public void Generated_schema_gets_Prisma_s_verdicts() => AssertSameVerdicts(ShapeGenerators.Schema, Seed);

    [OracleFact]
    public void Generated_schema_with_one_defect_gets_Prisma_s_verdicts() => AssertSameVerdicts(Defects.Invalid, Seed + 1);

    [Fact]
    public void Generation_is_the_same_for_the_same_seed()
    {
        var first = Gen.Sample(Defects.Invalid, 20, new Rnd(Seed), 10).Select(s => s.Render());
        var second = Gen.Sample(Defects.Invalid, 20, new Rnd(Seed), 10).Select(s => s.Render());
        Assert.Equal(first, second);
    }

    [Fact]
    public void Every_defect_makes_the_schema_invalid_for_Strata()
    {
        // The defects are mistakes by construction; Strata must call each of them an error.
        var missed = Gen.Sample(Defects.Invalid, 300, new Rnd(Seed), 10)
            .Where(s => !SchemaCompilation.FromText(s.Render()).Diagnostics.Any(d => d.IsError))
            .Select(s => $"{s.Defect}:\n{s.Render()}")
            .ToList();
        Assert.True(missed.Count == 0, string.Join("\n----\n", missed.Take(5)));
    }

    /// <summary>
    /// A valid schema must get the same warnings on the same lines. An invalid one must be invalid
    /// for both, and each line Prisma has an error on must have one from Strata: Prisma stops after
    /// its first failing phase of checks (names, then attributes, then relations...), so the
    /// errors it lists are those of that phase, where Strata lists all.
    /// </summary>
    internal static bool SameVerdicts(List<string> prisma, List<string> strata)
    {
        static List<string> Errors(List<string> verdicts) => verdicts.Where(v => v.StartsWith("error", StringComparison.Ordinal)).ToList();
        var prismaErrors = Errors(prisma);
        var strataErrors = Errors(strata);
        if (prismaErrors.Count == 0 || strataErrors.Count == 0) return prisma.SequenceEqual(strata);
        return prismaErrors.All(strataErrors.Contains);
    }

    private void AssertSameVerdicts(Gen<SchemaShape> gen, ulong seed)
    {
        var failures = new List<string>();
        int index = 0, invalid = 0, exact = 0, mysql = 0;
        foreach (var shape in Gen.Sample(gen, Count, new Rnd(seed), 10))
        {
            var text = shape.Render();
            var (prisma, strata) = OracleVerdictTests.Verdicts(text);
            if (!SameVerdicts(prisma, strata) && Dump != null) File.WriteAllText(Path.Combine(Dump, $"{seed}-{index}.prisma"), text);
            if (!SameVerdicts(prisma, strata))
                failures.Add($"case {index} ({shape.Defect ?? "meant to be valid"}): Prisma [{string.Join(", ", prisma)}] Strata [{string.Join(", ", strata)}]\n{text}");
            if (prisma.Any(v => v.StartsWith("error", StringComparison.Ordinal))) invalid++;
            if (prisma.SequenceEqual(strata)) exact++;
            if (shape.Provider == "mysql") mysql++;
            index++;
        }
        output.WriteLine($"{index} schemas (seed {seed}, {mysql} on MySQL), {invalid} invalid for Prisma, {exact} with exactly the same lines from both, {failures.Count} with another verdict from Strata");
        Assert.True(failures.Count == 0, $"{failures.Count} of {Count} differ (seed {seed}):\n" + string.Join("\n----\n", failures.Take(8)));
    }
}
