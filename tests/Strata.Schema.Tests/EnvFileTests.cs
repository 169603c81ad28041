using Strata.Schema.Loading;

using Strata.TestSupport;

namespace Strata.Schema.Tests;

public class EnvFileTests
{
    [Fact]
    public void Parses_quotes_exports_and_comments()
    {
        var values = EnvFile.Parse("# comment\nexport A=1\nB=\"two words\"\nC='single'\nD=plain # trailing\n\nE=\"line\\nbreak\"\nbroken line\nF=\r\n");
        Assert.Equal("1", values["A"]);
        Assert.Equal("two words", values["B"]);
        Assert.Equal("single", values["C"]);
        Assert.Equal("plain", values["D"]);
        Assert.Equal("line\nbreak", values["E"]);
        Assert.Equal("", values["F"]);
        Assert.Equal(6, values.Count);
    }

    [Fact]
    public void Lookup_prefers_the_process_then_the_schema_folder_then_the_working_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), "strata-env-" + Guid.NewGuid().ToString("N"));
        var schemaDir = Path.Combine(root, "prisma");
        Directory.CreateDirectory(schemaDir);
        try
        {
            File.WriteAllText(Path.Combine(root, ".env"), "DATABASE_URL=\"file:./cwd.db\"\nONLY_CWD=yes\n");
            File.WriteAllText(Path.Combine(schemaDir, ".env"), "DATABASE_URL=\"file:./schema.db\"\n");
            var lookup = EnvFile.CreateLookup(schemaDir, root, name => name == "FROM_PROCESS" ? "p" : null);
            Assert.Equal("file:./schema.db", lookup("DATABASE_URL"));
            Assert.Equal("yes", lookup("ONLY_CWD"));
            Assert.Equal("p", lookup("FROM_PROCESS"));
            Assert.Null(lookup("MISSING"));

            var processWins = EnvFile.CreateLookup(schemaDir, root, name => name == "DATABASE_URL" ? "postgresql://x" : null);
            Assert.Equal("postgresql://x", processWins("DATABASE_URL"));

            var compilation = SchemaCompilation.FromText("datasource db {\n  provider = \"sqlite\"\n  url      = env(\"DATABASE_URL\")\n}\n");
            Assert.Equal("file:./schema.db", compilation.Schema.Datasource!.Url!.Resolve(lookup));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
