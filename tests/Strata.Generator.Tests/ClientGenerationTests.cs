extern alias generator;

using System.Reflection;
using Microsoft.CodeAnalysis;
using generator::Strata.Generator;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Npgsql;
using Strata.Migrate.History;
using Strata.Migrate.Model;
using Strata.Migrate.Planning;
using Strata.Postgres.Migrations;
using Strata.TestSupport;

namespace Strata.Generator.Tests;

/// <summary>Generates the client in a real Roslyn compilation, compiles it with the runtime, and runs it.</summary>
public class ClientGenerationTests
{
    private const string ListSchema = """
        datasource db {
          provider = "postgresql"
          url      = env("DATABASE_URL")
        }

        generator client {
          provider   = "strata"
          namespace  = "Shop.Data"
          clientName = "ShopDb"
        }

        generator js {
          provider = "prisma-client-js"
        }

        enum Size {
          SMALL
          LARGE @map("large")
        }

        /// Something for sale.
        model Item {
          id     Int      @id @default(autoincrement())
          /// Words to find the item by.
          tags   String[]
          scores Int[]
          sizes  Size[]
          seen   DateTime[]
          code   String   @unique @db.Uuid
          when   DateTime @default(now()) @db.Timestamptz(3)
        }
        """;

    private const string Program = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Shop.Data;
        using Strata;

        public static class Program
        {
            public static void Main() { }

            public static async Task<string> RunAsync(string url)
            {
                await using var db = new ShopDb(url);
                var t = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
                await db.Items.CreateAsync(new ItemCreate { Tags = ["red", "big"], Scores = [1, 2, 3], Sizes = [Size.Small, Size.Large], Seen = [t], Code = "0b8e4f5e-6f3c-4a57-9a38-0a7f1d6c1c11" });
                await db.Items.CreateAsync(new ItemCreate { Tags = ["blue"], Scores = [], Sizes = [], Code = "1b8e4f5e-6f3c-4a57-9a38-0a7f1d6c1c11" });
                var results = new List<string>
                {
                    (await db.Items.Where(i => i.Tags.Has("red")).CountAsync()).ToString(),
                    (await db.Items.Where(i => i.Tags.HasSome("blue", "green")).CountAsync()).ToString(),
                    (await db.Items.Where(i => i.Scores.HasEvery(1, 3)).CountAsync()).ToString(),
                    (await db.Items.Where(i => i.Scores.IsEmpty()).CountAsync()).ToString(),
                    (await db.Items.Where(i => i.Scores.IsEmpty(false)).CountAsync()).ToString(),
                    (await db.Items.Where(i => i.Tags == new[] { "blue" }).CountAsync()).ToString(),
                    (await db.Items.Where(i => i.Sizes.Has(Size.Large)).CountAsync()).ToString(),
                    (await db.Items.Where(i => i.Code == "1b8e4f5e-6f3c-4a57-9a38-0a7f1d6c1c11").CountAsync()).ToString(),
                };
                var item = await db.Items.FindUniqueOrThrowAsync(i => i.Code == "0b8e4f5e-6f3c-4a57-9a38-0a7f1d6c1c11");
                results.Add(string.Join("|", item.Tags) + ";" + string.Join("|", item.Scores) + ";" + string.Join("|", item.Sizes) + ";" + item.Seen[0].ToString("O") + ";" + item.Code + ";" + item.When.Kind);
                var updated = await db.Items.UpdateAsync(i => i.Id == item.Id, new ItemUpdate { Tags = ["green"], Sizes = [Size.Small] });
                results.Add(string.Join("|", updated.Tags) + ";" + string.Join("|", updated.Sizes));
                return string.Join(",", results);
            }
        }
        """;

    internal sealed class SchemaText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    internal static readonly MetadataReference[] References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Concat([typeof(StrataClient).Assembly.Location, typeof(Sqlite.Runtime.SqliteProvider).Assembly.Location, typeof(Postgres.Runtime.PostgresProvider).Assembly.Location])
        .Distinct()
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    internal static CSharpCompilation Compilation(string code, string name = "App") =>
        CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), path: "Program.cs")],
            References, new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

    internal static GeneratorDriver Driver(string schema) =>
        CSharpGeneratorDriver.Create([new StrataGenerator().AsSourceGenerator()], [new SchemaText("/app/schema.prisma", schema)],
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    internal static (Compilation Output, GeneratorDriverRunResult Result) Generate(string schema, string code)
    {
        var driver = Driver(schema).RunGeneratorsAndUpdateCompilation(Compilation(code), out var output, out _);
        return (output, driver.GetRunResult());
    }

    [Fact]
    public async Task The_generated_client_compiles_without_warnings_and_runs_scalar_lists_on_postgresql()
    {
        var (output, result) = Generate(ListSchema, Program);
        Assert.Empty(result.Diagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        using var image = new MemoryStream();
        var emit = output.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var assembly = Assembly.Load(image.ToArray());

        var url = await PostgresServer.Shared.CreateDatabaseAsync("generated");
        var schema = Schema.SchemaCompilation.FromText(ListSchema).Schema;
        var dialect = new PostgresMigrationDialect();
        await using (var connection = new NpgsqlConnection(url))
        {
            await connection.OpenAsync();
            await new MigrationRunner(connection, dialect).ExecuteScriptAsync(dialect.Render(MigrationPlanner.CreateAll(SchemaMapper.Map(schema, dialect), dialect)));
        }
        var run = (Task<string>)assembly.GetType("Program")!.GetMethod("RunAsync")!.Invoke(null, [url])!;
        Assert.Equal("1,1,1,1,1,1,1,1,red|big;1|2|3;Small|Large;2024-01-02T03:04:05.0000000Z;0b8e4f5e-6f3c-4a57-9a38-0a7f1d6c1c11;Utc,green;Small", await run);
    }

    [Fact]
    public void Generated_types_carry_the_schema_names_and_docs()
    {
        var (_, result) = Generate(ListSchema, "class Program { static void Main() { } }");
        var sources = result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.Equal(["Enum.Size.g.cs", "Model.Item.g.cs", "ShopDb.g.cs", "ShopDb.Providers.g.cs", "ShopDb.RawRows.g.cs", "ShopDb.Transactions.g.cs", "ShopDbModel.g.cs"], sources.Keys.Order().ToArray());
        var item = sources["Model.Item.g.cs"];
        Assert.Contains("/// Something for sale.", item);
        Assert.Contains("/// Words to find the item by.", item);
        Assert.Contains("public global::System.Collections.Generic.List<string> Tags { get; set; }", item);
        Assert.Contains("public required string Code", item);
        Assert.Contains("\"large\" => Size.Large", sources["Enum.Size.g.cs"]);
        Assert.Contains("namespace Shop.Data", sources["ShopDb.g.cs"]);
        Assert.Contains("public global::System.Threading.Tasks.Task<(T1, T2, T3, T4, T5, T6, T7)> BatchAsync<T1, T2, T3, T4, T5, T6, T7>(", sources["ShopDb.Transactions.g.cs"]);
    }

    [Fact]
    public void Output_is_deterministic()
    {
        static string Texts() => string.Join("\n----\n", Generate(ListSchema, "class P { static void Main() { } }").Result.Results.Single().GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText));
        Assert.Equal(Texts(), Texts());
    }

    [Fact]
    public void An_edit_to_csharp_code_reuses_the_generated_client()
    {
        var driver = Driver(ListSchema).RunGenerators(Compilation("class Program { static void Main() { } }"));
        driver = driver.RunGenerators(Compilation("class Program { static void Main() { System.Console.WriteLine(2); } }"));
        var run = driver.GetRunResult().Results.Single();
        Assert.All(run.TrackedSteps[StrataGenerator.SchemaStage].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(run.TrackedSteps[StrataGenerator.ProvidersStage].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.Equal(7, run.GeneratedSources.Length);
    }

    [Fact]
    public void A_broken_schema_gives_its_diagnostics_and_no_code()
    {
        var broken = ListSchema.Replace("tags   String[]", "tags   Strin[]");
        var (output, result) = Generate(broken, "using Shop.Data; class Program { static void Main() { } }");
        Assert.Empty(result.Results.Single().GeneratedSources);
        var schemaErrors = output.GetDiagnostics().Concat(result.Diagnostics).Where(d => d.Id.StartsWith('S')).ToList();
        Assert.Contains(schemaErrors, d => d.Id == "S2004" && d.Location.GetLineSpan().Path == "/app/schema.prisma");
    }

    [Fact]
    public void Only_a_strata_generator_block_produces_code_and_bad_options_are_located()
    {
        var jsOnly = ListSchema.Replace("provider   = \"strata\"", "provider   = \"other\"");
        Assert.Empty(Generate(jsOnly, "class P { static void Main() { } }").Result.Results.Single().GeneratedSources);

        var badNamespace = ListSchema.Replace("\"Shop.Data\"", "\"Shop.1Data\"");
        var (_, result) = Generate(badNamespace, "class P { static void Main() { } }");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("SG1001", d.Id);
        Assert.Equal(7, d.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(result.Results.Single().GeneratedSources);

        var badName = ListSchema.Replace("\"ShopDb\"", "\"class\"");
        Assert.Equal("SG1002", Assert.Single(Generate(badName, "class P { static void Main() { } }").Result.Diagnostics).Id);
    }
}
