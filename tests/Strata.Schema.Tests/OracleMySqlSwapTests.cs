using System.Text.RegularExpressions;
using Strata.TestSupport;

namespace Strata.Schema.Tests;

/// <summary>
/// Every test schema written for PostgreSQL or SQLite, with its provider changed to "mysql", gets
/// Prisma's verdicts (errors and warnings on the same lines): the shared rules must hold on MySQL
/// too, and MySQL's own rules (lists, keys, names, multi-schema) must come out where Prisma's do.
/// </summary>
public class OracleMySqlSwapTests
{
    private static readonly Regex Provider = new("provider( *)= \"(postgresql|postgres|sqlite)\"");

    public static TheoryData<string> SwappableSchemas() => new(SwappablePaths());

    private static List<string> SwappablePaths() => OracleVerdictTests.TestSchemaPaths()
        .Where(path => !OracleVerdictTests.KnownDifferences.ContainsKey(path))
        .Where(path => Provider.IsMatch(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", path))))
        .ToList();

    [OracleTheory]
    [MemberData(nameof(SwappableSchemas))]
    public void Schema_on_mysql_gets_Prisma_s_verdicts(string relativePath)
    {
        var text = Provider.Replace(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", relativePath)), "provider$1= \"mysql\"");
        var (prisma, strata) = OracleVerdictTests.Verdicts(text);
        Assert.Equal(prisma, strata);
    }

    [Fact]
    public void Most_test_schemas_are_swapped()
    {
        // The swap must reach the schemas it is meant for, or the theory above proves nothing.
        Assert.True(SwappablePaths().Count > 100, $"only {SwappablePaths().Count} schemas name a provider to swap");
    }
}
