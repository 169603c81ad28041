using System.Diagnostics;

namespace Strata.Cli.Tests;

/// <summary>
/// Binary and huge broken files give small output: at most <c>DiagnosticPrinter.MaxShown</c>
/// diagnostics and a count of the rest, each source line cut to a window around its caret, control
/// characters shown as <c>?</c>. The bounds below are on output size; the one on time is generous
/// (it took minutes and gigabytes of output before).
/// </summary>
public class DiagnosticBoundsTests
{
    [Fact]
    public void A_megabyte_of_nul_bytes_is_one_short_diagnostic()
    {
        using var cli = new CliRunner();
        File.WriteAllBytes(cli.PathOf("schema.prisma"), new byte[1 << 20]);
        var watch = Stopwatch.StartNew();
        var (code, output, error) = cli.Run("validate");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        var lines = Lines(error);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("schema.prisma:1:1: error S1001: Unexpected characters: '\\u0000' and 1048575 more.", lines[0]);
        Assert.Equal(" 1 | " + new string('?', 200) + "...", lines[1]);
        Assert.Equal("   | " + new string('^', 200), lines[2]);
        Assert.Equal("1 error, 0 warnings", lines[3]);
    }

    [Fact]
    public void A_binary_file_prints_a_bounded_number_of_short_diagnostics_and_counts_the_rest()
    {
        using var cli = new CliRunner();
        var bytes = new byte[1 << 20];
        new Random(9).NextBytes(bytes);
        File.WriteAllBytes(cli.PathOf("schema.prisma"), bytes);
        var (code, _, error) = cli.Run("validate");
        Assert.Equal(1, code);
        var lines = Lines(error);
        Assert.Equal(200, lines.Count(l => l.StartsWith("schema.prisma:", StringComparison.Ordinal)));
        var more = Assert.Single(lines, l => l.StartsWith("... and ", StringComparison.Ordinal));
        Assert.Matches(@"^\.\.\. and \d+ more not shown \(the first 200 are above\)\.$", more);
        Assert.Matches(@"^\d+ errors, 0 warnings$", lines[^1]);
        Assert.All(lines.Where(l => l.StartsWith(' ')), l => Assert.True(l.Length <= 220, l));
        Assert.True(error.Length < 400_000, $"{error.Length} characters of output");
        Assert.DoesNotContain(error, c => char.IsControl(c) && c != '\n');
    }

    [Fact]
    public void A_long_line_is_cut_around_the_caret()
    {
        using var cli = new CliRunner();
        cli.Write("schema.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n\nmodel A {\n  id Int @id" + new string(' ', 100_000) + "$ // tail\n}\n");
        var (code, _, error) = cli.Run("validate");
        Assert.Equal(1, code);
        var lines = Lines(error);
        Assert.StartsWith("schema.prisma:6:100013: error S1001: Unexpected character '$'.", lines[0]);
        Assert.StartsWith(" 6 | ...", lines[1]);
        Assert.EndsWith("$ // tail", lines[1]);
        Assert.True(lines[1].Length <= 5 + 3 + 200 + 3, lines[1]);
        Assert.Equal(lines[1].IndexOf('$'), lines[2].IndexOf('^'));
        Assert.Equal(lines[2].IndexOf('^'), lines[2].LastIndexOf('^'));
    }

    [Fact]
    public void Control_characters_in_a_line_do_not_reach_the_terminal()
    {
        using var cli = new CliRunner();
        cli.Write("schema.prisma", "model A {\n  id Int @id \u001b[2J\u0007\n}\n");
        var (code, _, error) = cli.Run("validate");
        Assert.Equal(1, code);
        Assert.DoesNotContain('\u001b', error);
        Assert.DoesNotContain('\u0007', error);
        Assert.Contains(" 2 |   id Int @id ?[2J?", error);
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
}
