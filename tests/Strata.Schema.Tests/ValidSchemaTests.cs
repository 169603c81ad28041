using Strata.Schema.Formatting;
using Strata.Schema.Loading;

using Strata.TestSupport;

namespace Strata.Schema.Tests;

/// <summary>
/// Schemas that are fine (the examples users start from and Prisma's documented examples) raise
/// nothing at all, not even a warning, and are already in canonical format.
/// </summary>
public class ValidSchemaTests
{
    private static string ValidDir => Path.Combine(AppContext.BaseDirectory, "Schemas", "valid");

    public static TheoryData<string> ValidSchemas()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ValidDir, "*.prisma").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidSchemas))]
    public void Valid_schema_raises_no_diagnostic(string name)
    {
        var compilation = SchemaCompilation.FromText(File.ReadAllText(Path.Combine(ValidDir, name)), name);
        Assert.Empty(compilation.Diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [MemberData(nameof(ValidSchemas))]
    public void Valid_schema_is_in_canonical_format(string name)
    {
        var text = File.ReadAllText(Path.Combine(ValidDir, name)).Replace("\r\n", "\n");
        Assert.Equal(text, SchemaFormatter.FormatText(text));
    }

    [Fact]
    public void A_folder_of_files_forms_one_schema()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Schemas", "multi-file");
        var location = SchemaLocator.Find(AppContext.BaseDirectory, folder, out var error);
        Assert.Null(error);
        Assert.True(location!.IsFolder);
        var files = SchemaLocator.Read(location, folder);
        Assert.Equal(["main.prisma", "post.prisma", "user.prisma"], files.Select(f => f.Path));
        var compilation = SchemaCompilation.Create(files);
        Assert.Empty(compilation.Diagnostics);
        var relation = Assert.Single(compilation.Schema.Relations);
        Assert.Equal("Post", relation.ReferencingModel.Name);
        Assert.Equal("User", relation.ReferencedModel.Name);
    }

    [Fact]
    public void Diagnostics_in_a_multi_file_schema_name_their_file()
    {
        var files = new[]
        {
            new Text.SourceFile("a.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n\nmodel User {\n  id Int @id\n}\n"),
            new Text.SourceFile("b.prisma", "model Post {\n  id   Int @id\n  user Usr\n}\n"),
        };
        var compilation = SchemaCompilation.Create(files);
        var d = Assert.Single(compilation.Diagnostics);
        Assert.Equal("b.prisma:3:8", d.Location.ToString());
        Assert.Equal("S2004", d.Code);
        Assert.Contains("did you mean `User`", d.Message);
    }
}
