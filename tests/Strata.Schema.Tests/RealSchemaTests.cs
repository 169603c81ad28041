using Strata.Schema.Text;

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

    [Theory]
    [MemberData(nameof(ProjectSchemas))]
    public void Project_schema_validates_without_errors(string relativePath)
    {
        var path = Path.Combine(TestPaths.PrismaProjects, relativePath);
        var compilation = SchemaCompilation.Create([new SourceFile(path, File.ReadAllText(path))]);
        Assert.Empty(compilation.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        Assert.NotEmpty(compilation.Schema.Models);
    }
}
