using System.Text;
using Strata.Schema.Diagnostics;
using Strata.Schema.Text;

namespace Strata.Cli.Output;

/// <summary>
/// Prints diagnostics like a compiler: <c>path:line:col: error S2004: message</c>, then the source
/// line with a caret under the span. Colours only when the context asks for them. A binary or huge
/// broken file can have hundreds of thousands of diagnostics on megabyte-long lines, so output is
/// bounded: the first <see cref="MaxShown"/> are printed, each message and source line cut to size
/// (<see cref="SourceExcerpt"/>), then one line counts the rest.
/// </summary>
internal static class DiagnosticPrinter
{
    /// <summary>Diagnostics printed in full; the rest are counted.</summary>
    public const int MaxShown = 200;

    /// <summary>The longest message printed; a message quotes schema text, which can be of any length.</summary>
    public const int MaxMessageLength = 1000;

    private const string Red = "\u001b[31;1m";
    private const string Yellow = "\u001b[33;1m";
    private const string Blue = "\u001b[34;1m";
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";

    public static void Print(CliContext context, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<SourceFile> files)
    {
        var byPath = files.GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.First());
        var w = context.Error;
        foreach (var d in diagnostics.Take(MaxShown))
        {
            string severity = d.IsError ? "error" : "warning";
            w.WriteLine($"{Color(context, Bold, d.Location.ToString())}: {Color(context, d.IsError ? Red : Yellow, severity + " " + d.Code)}: {Shorten(d.Message)}");
            if (byPath.TryGetValue(d.Location.Path, out var file)) PrintSource(context, file, d.Location);
        }
        int errors = diagnostics.Count(d => d.IsError), warnings = diagnostics.Count - errors;
        if (diagnostics.Count > MaxShown)
            w.WriteLine($"... and {diagnostics.Count - MaxShown} more not shown (the first {MaxShown} are above).");
        if (diagnostics.Count > 0)
            w.WriteLine($"{errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}");
    }

    public static void PrintError(CliContext context, string message) =>
        context.Error.WriteLine($"{Color(context, Red, "error")}: {message}");

    private static string Shorten(string message)
    {
        var printable = SourceExcerpt.Printable(message);
        return printable.Length <= MaxMessageLength ? printable : printable[..MaxMessageLength] + "...";
    }

    private static void PrintSource(CliContext context, SourceFile file, SourceLocation location)
    {
        var lineSpan = file.GetLineSpan(location.Line);
        var excerpt = SourceExcerpt.Of(file.Text.Substring(lineSpan.Start, lineSpan.Length), location.Column - 1, location.Length);
        string number = location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string gutter = new(' ', number.Length);
        var caret = new StringBuilder().Append(' ', excerpt.CaretStart).Append('^', excerpt.CaretWidth).ToString();
        context.Error.WriteLine($"{Color(context, Blue, $" {number} |")} {excerpt.Text}");
        context.Error.WriteLine($"{Color(context, Blue, $" {gutter} |")} {Color(context, Red, caret)}");
    }

    private static string Color(CliContext context, string code, string text) => context.UseColor ? code + text + Reset : text;
}
