namespace Strata.Cli.Tests;

/// <summary>The built `strata` program, run as a separate process: help, version and exit codes.</summary>
public class ProcessTests
{
    private static (int Code, string Out, string Error) Strata(string workingDirectory, params string[] args) =>
        StrataProcess.Run(workingDirectory, args);

    [Theory]
    [InlineData("init", "--datasource-provider")]
    [InlineData("validate", "--schema")]
    [InlineData("format", "--check")]
    [InlineData("migrate", "deploy")]
    public void Every_command_has_help(string command, string option)
    {
        var (code, output, _) = Strata(Path.GetTempPath(), command, "--help");
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output);
        Assert.Contains(option, output);
    }

    [Fact]
    public void Root_help_lists_the_commands_and_version_prints_the_version()
    {
        var (code, output, _) = Strata(Path.GetTempPath(), "--help");
        Assert.Equal(0, code);
        foreach (var command in new[] { "init", "validate", "format", "migrate" }) Assert.Contains(command, output);
        var version = Strata(Path.GetTempPath(), "--version");
        Assert.Equal(0, version.Code);
        Assert.StartsWith("0.1.0", version.Out.Trim());
    }

    [Fact]
    public void Exit_code_is_one_on_error_and_output_has_no_colours_when_redirected()
    {
        var dir = Path.Combine(Path.GetTempPath(), "strata-proc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "schema.prisma"), "model A {\n  id Strin @id\n}\n");
            var (code, _, error) = Strata(dir, "validate");
            Assert.Equal(1, code);
            Assert.Contains("schema.prisma:2:6: error S2004", error);
            Assert.False(error.Contains('\u001b'), "colour codes in: " + error);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
