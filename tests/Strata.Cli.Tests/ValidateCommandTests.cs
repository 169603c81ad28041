namespace Strata.Cli.Tests;

public class ValidateCommandTests
{
    private const string Valid = "datasource db {\n  provider = \"sqlite\"\n}\n\nmodel User {\n  id Int @id\n}\n";

    [Fact]
    public void Valid_schema_exits_zero()
    {
        using var cli = new CliRunner();
        cli.Write("prisma/schema.prisma", Valid);
        var (code, output, error) = cli.Run("validate");
        Assert.Equal(0, code);
        Assert.Equal("The schema at prisma/schema.prisma is valid.\n", output.Replace("\r\n", "\n"));
        Assert.Equal("", error);
    }

    [Fact]
    public void Errors_print_like_a_compiler_with_the_source_line_and_a_caret()
    {
        using var cli = new CliRunner();
        cli.Write("schema.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n\nmodel User {\n  id    Int   @id\n  email Strin\n}\n");
        var (code, output, error) = cli.Run("validate");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        var lines = error.Replace("\r\n", "\n").Split('\n');
        Assert.StartsWith("schema.prisma:7:9: error S2004: Unknown type `Strin`; did you mean `String`?", lines[0]);
        Assert.Equal(" 7 |   email Strin", lines[1]);
        Assert.Equal("   |         ^^^^^", lines[2]);
        Assert.Equal("1 error, 0 warnings", lines[3]);
        Assert.False(error.Contains('\u001b'), "colour codes in: " + error);
    }

    [Fact]
    public void All_errors_are_reported_not_only_the_first()
    {
        using var cli = new CliRunner();
        cli.Write("schema.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n\nmodel A {\n  id Int @id\n  b  Strin\n  c  Int @default(\"x\")\n}\n\nmodel B {\n  name String\n}\n");
        var (code, _, error) = cli.Run("validate");
        Assert.Equal(1, code);
        Assert.Contains("schema.prisma:7:6: error S2004", error);
        Assert.Contains("schema.prisma:8:19: error S5001", error);
        Assert.Contains("schema.prisma:11:7: error S4001", error);
        Assert.Contains("3 errors, 0 warnings", error);
    }

    [Fact]
    public void Warnings_alone_do_not_fail()
    {
        using var cli = new CliRunner();
        cli.Write("schema.prisma", "datasource db {\n  provider = \"sqlserver\"\n}\n\nmodel A {\n  id Int @id\n}\n");
        var (code, _, error) = cli.Run("validate");
        Assert.Equal(0, code);
        Assert.Contains("warning S6001", error);
        Assert.Contains("0 errors, 1 warning", error);
    }

    [Fact]
    public void Colours_are_used_only_when_asked_for()
    {
        using var cli = new CliRunner();
        cli.Write("schema.prisma", "model A {\n  id Strin @id\n}\n");
        Assert.Contains("\u001b[31;1m", cli.Run(true, "validate").Error, StringComparison.Ordinal);
        Assert.False(cli.Run(false, "validate").Error.Contains('\u001b'), "colour codes in: " + cli.Run(false, "validate").Error);
    }

    [Fact]
    public void Schema_discovery_follows_prismas_order()
    {
        using var cli = new CliRunner();
        Assert.Contains("No schema found", cli.Run("validate").Error);
        Assert.Equal(1, cli.Run("validate").Code);

        cli.Write("prisma/schema/models.prisma", Valid);
        Assert.Contains("prisma/schema is valid", cli.Run("validate").Out);

        cli.Write("schema.prisma", Valid);
        Assert.Contains("The schema at schema.prisma is valid", cli.Run("validate").Out);

        cli.Write("prisma/schema.prisma", Valid);
        Assert.Contains("The schema at prisma/schema.prisma is valid", cli.Run("validate").Out);

        cli.Write("custom/one.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n");
        cli.Write("custom/two.prisma", "model T {\n  id Int @id\n}\n");
        Assert.Contains("The schema at custom is valid", cli.Run("validate", "--schema", "custom").Out);
        Assert.Contains("The schema at custom/two.prisma is valid", cli.Run("validate", "--schema", "custom/two.prisma").Out);

        var missing = cli.Run("validate", "--schema", "nope.prisma");
        Assert.Equal(1, missing.Code);
        Assert.Contains("No schema at nope.prisma", missing.Error);
    }

    [Fact]
    public void Unknown_options_fail_with_exit_code_one()
    {
        using var cli = new CliRunner();
        var (code, _, error) = cli.Run("validate", "--bogus");
        Assert.Equal(1, code);
        Assert.Contains("--bogus", error);
    }
}
