using Strata.Schema.Diagnostics;

namespace Strata.Schema.Tests;

/// <summary>
/// Schemas in Schemas/rules (psl/ holds one per case of Prisma's own validation suite, by area),
/// each written to pin one of Prisma's rules. The first line says what
/// Prisma reports for it (`// expect: none` or `// expect: error S7012 L20, warning S7008 L21`):
/// Strata must give exactly those verdicts, codes and lines, no more and no fewer.
/// </summary>
public class PrismaRuleTests
{
    private static string RulesDir => Path.Combine(AppContext.BaseDirectory, "Schemas", "rules");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RulesDir, "*.prisma", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RulesDir, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Schema_gets_the_verdicts_Prisma_gives(string name)
    {
        var text = File.ReadAllText(Path.Combine(RulesDir, name));
        var header = text.Split('\n')[0];
        Assert.StartsWith("// expect: ", header);
        var expected = header.Substring("// expect: ".Length).Trim() == "none"
            ? []
            : header.Substring("// expect: ".Length).Split(',').Select(e => e.Trim()).Order(StringComparer.Ordinal).ToList();
        var actual = SchemaCompilation.FromText(text, Path.GetFileName(name)).Diagnostics
            .Select(d => $"{(d.Severity == DiagnosticSeverity.Error ? "error" : "warning")} {d.Code} L{d.Location.Line}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, actual);
    }
}
