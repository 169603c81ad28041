using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Strata.TestSupport;

namespace Strata.Client.Tests;

/// <summary>Compiles every C# example of docs/client.md against the test schema's generated client, and checks the misuses it names fail to compile.</summary>
public partial class DocsExamplesTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Logging;
        using Strata;
        using Strata.Client.Tests.Blog;

        """;

    private static readonly MetadataReference[] References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
        .GroupBy(Path.GetFileName).Select(g => g.First())
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    private static List<Diagnostic> Compile(params string[] bodies) => Compile([], bodies);

    private static List<Diagnostic> Compile(string[] types, string[] bodies)
    {
        var code = Usings + string.Join("\n", types) + "\n" + string.Join("\n", bodies.Select((body, i) =>
            $"public static class Example{i}\n{{\n    public static async Task Run(BlogDb db)\n    {{\n{body}\n    }}\n}}"));
        var compilation = CSharpCompilation.Create("DocsExamples", [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))], References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    [Fact]
    public void Every_csharp_example_in_the_client_docs_compiles()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "client.md"));
        var blocks = CSharpBlock().Matches(text).Select(m => m.Groups[1].Value).ToArray();
        Assert.True(blocks.Length >= 10, $"found {blocks.Length} C# examples");
        var errors = Compile(blocks);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Every_csharp_example_in_the_raw_sql_docs_compiles()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "raw-sql.md"));
        var blocks = CSharpBlock().Matches(text).Select(m => m.Groups[1].Value).ToArray();
        Assert.True(blocks.Length >= 4, $"found {blocks.Length} C# examples in raw-sql.md");
        // A [RawRow] declaration is a type, compiled beside the examples' methods.
        var types = blocks.Where(b => b.TrimStart().StartsWith("[RawRow]", StringComparison.Ordinal)).ToArray();
        var errors = Compile(types, blocks.Except(types).ToArray());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("errors.md", 1)]
    [InlineData("transactions.md", 6)]
    [InlineData("aggregates.md", 3)]
    [InlineData("relations.md", 3)]
    public void Every_csharp_example_in_the_errors_transactions_and_aggregates_docs_compiles(string page, int atLeast)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", page));
        // The examples name a post by an id variable, as an application's code would have one.
        var blocks = CSharpBlock().Matches(text).Select(m => "string id = \"p1\";\n" + m.Groups[1].Value).ToArray();
        Assert.True(blocks.Length >= atLeast, $"found {blocks.Length} C# examples in {page}");
        var errors = Compile(blocks);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("await db.Users.CreateAsync(new UserCreate { Name = \"no email\" });", "CS9035")]            // a required member is missing
    [InlineData("await db.Users.FindUniqueAsync(u => u.Name == \"x\");", "CS1061")]                          // not a unique criterion
    [InlineData("await db.Users.FindUniqueAsync(u => u.Email != \"x\");", "CS0619")]                         // != in a unique criterion
    [InlineData("await db.Users.Where(u => u.Id == null).FindManyAsync();", "CS0019")]                       // null on a required number
    [InlineData("await db.Users.Where(u => u.Age.Desc()).FindManyAsync();", "CS1061")]                       // ordering is not a filter
    [InlineData("await db.Posts.UpdateAsync(p => p.Id == \"p\", new PostUpdate { Author = new() { Disconnect = true } });", "CS0117")] // a post's author is required
    [InlineData("await db.Profiles.UpdateAsync(p => p.Id == 1, new ProfileUpdate { User = new() { Delete = true } });", "CS0117")]    // so is a profile's user
    [InlineData("await db.Posts.CreateAsync(new PostCreate { Title = \"t\", Categories = new() { CreateMany = new() } });", "CS0117")] // no createMany on many-to-many
    [InlineData("await db.Posts.UpdateAsync(p => p.Id == \"p\", new PostUpdate { Categories = new() { CreateMany = new() } });", "CS0117")]
    [InlineData("await db.Users.UpdateAsync(u => u.Id == 1, new UserUpdate { Profile = new() { Set = [] } });", "CS0117")]             // set is for lists
    public void Misuse_named_in_the_docs_does_not_compile(string body, string error)
    {
        var errors = Compile(body);
        Assert.Contains(errors, d => d.Id == error);
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
