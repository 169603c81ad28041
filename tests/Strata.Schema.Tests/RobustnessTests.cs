using Strata.Schema.Formatting;
using Strata.Schema.Text;

using Strata.TestSupport;

namespace Strata.Schema.Tests;

/// <summary>
/// A bounded randomized test: mutations of valid schemas, truncations and random bytes. No input
/// may make the parser or validator throw or hang; every diagnostic points inside its file; and
/// any input without syntax errors formats idempotently. The seed is fixed so that a failure
/// reproduces; STRATA_FUZZ_SEED and STRATA_FUZZ_ROUNDS change it.
/// </summary>
public class RobustnessTests
{
    private static readonly string[] Fragments =
    [
        "{", "}", "(", ")", "[", "]", "@", "@@", "\"", "?", "[]", ",", ":", "=", ".", "\n", "//", "///", " ",
        "model", "enum", "type", "view", "datasource", "generator", "Int", "String", "User", "id",
        "@id", "@default(", "autoincrement()", "@relation(fields: [", "references: [", "@@index([",
        "@db.VarChar(", "Unsupported(", "env(\"X\")", "-1", "1.5e3", "\\u00", "\t", "\r", "\u00e9", "\ud83d\ude00", "\0",
    ];

    private static IEnumerable<string> Seeds()
    {
        // The real projects join the seeds when ../shared/data is there; the repository's own schemas always are.
        var dirs = new[] { Path.Combine(AppContext.BaseDirectory, "Schemas"), TestPaths.PrismaProjects }.Where(Directory.Exists);
        return dirs.SelectMany(d => Directory.GetFiles(d, "*.prisma", SearchOption.AllDirectories)).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
    }

    [Fact]
    public async Task No_input_makes_the_parser_or_validator_throw_or_hang()
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("STRATA_FUZZ_SEED"), out var s) ? s : 20261121;
        int rounds = int.TryParse(Environment.GetEnvironmentVariable("STRATA_FUZZ_ROUNDS"), out var r) ? r : 1500;
        var random = new Random(seed);
        var seeds = Seeds().ToList();
        int formatted = 0;
        for (int round = 0; round < rounds; round++)
        {
            string input = round % 10 == 9 ? RandomText(random) : Mutate(random, seeds[random.Next(seeds.Count)]);
            var task = Task.Run(() => Check(input));
            var first = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(20)));
            Assert.True(first == task, $"round {round} (seed {seed}) did not finish:\n{input}");
            if (await task) formatted++;
        }
        // Many mutations stay syntactically valid, so the formatter part of the check really runs.
        Assert.True(formatted > rounds / 20, $"only {formatted} inputs were formattable");
    }

    [Fact]
    public void Deep_nesting_and_huge_lines_are_reported_not_crashed_on()
    {
        foreach (var text in new[]
        {
            "model A {\n  id Int @default(" + new string('[', 100_000) + "\n}",
            "model A {\n  id Int @default(" + string.Concat(Enumerable.Repeat("f(", 50_000)) + "\n}",
            "datasource db {\n  provider = \"postgresql\"\n}\nmodel A {\n  id Int @id\n  j Json @default(\"" + new string('[', 100_000) + "\")\n}",
            new string('{', 200_000),
            string.Concat(Enumerable.Repeat("model A {\n", 5_000)),
        })
        {
            var compilation = SchemaCompilation.FromText(text);
            Assert.True(compilation.HasErrors);
        }
    }

    /// <summary>Compiles; checks locations; formats when possible. True when the input was formatted.</summary>
    private static bool Check(string input)
    {
        var compilation = SchemaCompilation.FromText(input);
        var file = new SourceFile("schema.prisma", input);
        foreach (var d in compilation.Diagnostics)
        {
            Assert.InRange(d.Location.Line, 1, file.LineCount);
            Assert.True(d.Location.Column >= 1 && d.Location.Span.End <= input.Length, d.ToString());
            Assert.False(string.IsNullOrWhiteSpace(d.Message));
        }
        if (compilation.HasSyntaxErrors) return false;
        var once = SchemaFormatter.Format(compilation.Documents[0]);
        var again = SchemaCompilation.FromText(once);
        Assert.False(again.HasSyntaxErrors, "formatted text has syntax errors:\n" + once);
        Assert.Equal(once, SchemaFormatter.Format(again.Documents[0]));
        // Formatting changes layout, never meaning: the same rules fire before and after.
        Assert.Equal(compilation.Diagnostics.Select(d => d.Code).Order(), again.Diagnostics.Select(d => d.Code).Order());
        return true;
    }

    private static string Mutate(Random random, string text)
    {
        int edits = 1 + random.Next(4);
        for (int i = 0; i < edits && text.Length > 0; i++)
        {
            int at = random.Next(text.Length);
            switch (random.Next(6))
            {
                case 0: text = text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(20))); break;
                case 1: text = text.Insert(at, Fragments[random.Next(Fragments.Length)]); break;
                case 2: text = text.Substring(0, at); break;
                case 3:
                    var lines = text.Split('\n').ToList();
                    int a = random.Next(lines.Count), b = random.Next(lines.Count);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    text = string.Join('\n', lines);
                    break;
                case 4:
                    var all = text.Split('\n').ToList();
                    int line = random.Next(all.Count);
                    all.Insert(line, all[random.Next(all.Count)]);
                    text = string.Join('\n', all);
                    break;
                default: text = text.Remove(at, 1).Insert(at, ((char)random.Next(1, 128)).ToString()); break;
            }
        }
        return text;
    }

    private static string RandomText(Random random)
    {
        var bytes = new byte[random.Next(1, 400)];
        random.NextBytes(bytes);
        return random.Next(2) == 0
            ? System.Text.Encoding.UTF8.GetString(bytes)
            : string.Concat(Enumerable.Range(0, random.Next(1, 80)).Select(_ => Fragments[random.Next(Fragments.Length)]));
    }
}
