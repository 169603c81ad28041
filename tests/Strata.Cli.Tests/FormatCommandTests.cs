namespace Strata.Cli.Tests;

public class FormatCommandTests
{
    private const string Messy = "datasource db {\nprovider=\"sqlite\"\n}\nmodel User {\n    id Int @id @default( autoincrement( ) )\n  // the login\n  email String @unique\n  @@map(\"users\")\n  name String?\n}\n";
    private const string Tidy = "datasource db {\n  provider = \"sqlite\"\n}\n\nmodel User {\n  id    Int     @id @default(autoincrement())\n  // the login\n  email String  @unique\n  name  String?\n\n  @@map(\"users\")\n}\n";

    [Fact]
    public void Format_rewrites_the_file_in_canonical_layout()
    {
        using var cli = new CliRunner();
        cli.Write("schema.prisma", Messy);
        var (code, output, _) = cli.Run("format");
        Assert.Equal(0, code);
        Assert.Contains("Formatted 1 file", output);
        Assert.Equal(Tidy, cli.Read("schema.prisma"));
        Assert.Contains("already formatted", cli.Run("format").Out);
    }

    [Fact]
    public void Check_changes_nothing_and_fails_when_a_file_is_not_formatted()
    {
        using var cli = new CliRunner();
        cli.Write("schema.prisma", Messy);
        var (code, _, error) = cli.Run("format", "--check");
        Assert.Equal(1, code);
        Assert.Contains("schema.prisma: not formatted", error);
        Assert.Equal(Messy, cli.Read("schema.prisma"));

        cli.Write("schema.prisma", Tidy);
        Assert.Equal(0, cli.Run("format", "--check").Code);
    }

    [Fact]
    public void Every_file_of_a_folder_schema_is_formatted()
    {
        using var cli = new CliRunner();
        cli.Write("prisma/schema/a.prisma", "datasource db {\nprovider=\"sqlite\"\n}\n");
        cli.Write("prisma/schema/b.prisma", "model B {\nid Int @id\n}\n");
        Assert.Equal(0, cli.Run("format").Code);
        Assert.Equal("datasource db {\n  provider = \"sqlite\"\n}\n", cli.Read("prisma/schema/a.prisma"));
        Assert.Equal("model B {\n  id Int @id\n}\n", cli.Read("prisma/schema/b.prisma"));
    }

    [Fact]
    public void A_schema_with_syntax_errors_is_not_touched()
    {
        using var cli = new CliRunner();
        const string broken = "model User {\n  id Int @id @default(\n";
        cli.Write("schema.prisma", broken);
        var (code, _, error) = cli.Run("format");
        Assert.Equal(1, code);
        Assert.Contains("error S1", error);
        Assert.Contains("not formatted", error);
        Assert.Equal(broken, cli.Read("schema.prisma"));
    }
}
