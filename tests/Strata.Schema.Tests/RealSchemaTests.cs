using Strata.Schema.Text;

using Strata.TestSupport;

namespace Strata.Schema.Tests;

/// <summary>Real projects' schemas from ../shared/data/prisma-projects validate with no error.</summary>
public class RealSchemaTests
{
    public static TheoryData<string> ProjectSchemas()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.PrismaProjects, "schema.prisma", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(TestPaths.PrismaProjects, file));
        return data;
    }

    [SharedDataTheory]
    [MemberData(nameof(ProjectSchemas))]
    public void Project_schema_validates_without_errors(string relativePath)
    {
        var path = Path.Combine(TestPaths.PrismaProjects, relativePath);
        var compilation = SchemaCompilation.Create([new SourceFile(path, File.ReadAllText(path))]);
        Assert.Empty(compilation.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        Assert.NotEmpty(compilation.Schema.Models);
    }
}

/// <summary>Real projects' schemas, already formatted by Prisma, format to the same text, and formatting is idempotent.</summary>
public class RealSchemaFormatTests
{
    [SharedDataTheory]
    [MemberData(nameof(RealSchemaTests.ProjectSchemas), MemberType = typeof(RealSchemaTests))]
    public void Formatting_is_idempotent(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.PrismaProjects, relativePath));
        var once = Formatting.SchemaFormatter.FormatText(text);
        Assert.NotNull(once);
        Assert.Equal(once, Formatting.SchemaFormatter.FormatText(once!));
    }

    // umami's schemas are edited by hand after `prisma format` (their columns are not aligned), so
    // only the four projects whose files are exactly Prisma's output are compared byte for byte.
    [SharedDataTheory]
    [InlineData("epic-stack/schema.prisma")]
    [InlineData("hoppscotch/schema.prisma")]
    [InlineData("reactive-resume/schema.prisma")]
    [InlineData("saas-starter-kit/schema.prisma")]
    public void Prisma_formatted_schema_is_unchanged(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.PrismaProjects, relativePath)).Replace("\r\n", "\n");
        Assert.Equal(text, Formatting.SchemaFormatter.FormatText(text));
    }
}
