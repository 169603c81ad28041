using System.Text;
using Strata.Schema.Diagnostics;
using Strata.Schema.Text;

namespace Strata.Cli.Output;

/// <summary>
/// Prints diagnostics like a compiler: <c>path:line:col: error S2004: message</c>, then the source
/// line with a caret under the span. Colours only when the context asks for them.
/// </summary>
internal static class DiagnosticPrinter
{
    private const string Red = "\u001b[31;1m";
    private const string Yellow = "\u001b[33;1m";
    private const string Blue = "\u001b[34;1m";
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";

    public static void Print(CliContext context, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<SourceFile> files)
    {
        var byPath = files.GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.First());
        foreach (var d in diagnostics)
        {
            var w = context.Error;
            string severity = d.IsError ? "error" : "warning";
            w.WriteLine($"{Color(context, Bold, d.Location.ToString())}: {Color(context, d.IsError ? Red : Yellow, severity + " " + d.Code)}: {d.Message}");
            if (byPath.TryGetValue(d.Location.Path, out var file)) PrintSource(context, file, d.Location);
        }
        int errors = diagnostics.Count(d => d.IsError), warnings = diagnostics.Count - errors;
        if (diagnostics.Count > 0)
            context.Error.WriteLine($"{errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}");
    }

    public static void PrintError(CliContext context, string message) =>
        context.Error.WriteLine($"{Color(context, Red, "error")}: {message}");

    private static void PrintSource(CliContext context, SourceFile file, SourceLocation location)
    {
        string line = file.GetLineText(location.Line);
        string number = location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string gutter = new(' ', number.Length);
        // Tabs are shown as one space so that the caret lines up with the text above it.
        string shown = line.Replace('\t', ' ');
        int start = Math.Min(location.Column - 1, shown.Length);
        int width = Math.Max(1, Math.Min(location.Length, Math.Max(1, shown.Length - start)));
        var caret = new StringBuilder().Append(' ', start).Append('^', width).ToString();
        context.Error.WriteLine($"{Color(context, Blue, $" {number} |")} {shown}");
        context.Error.WriteLine($"{Color(context, Blue, $" {gutter} |")} {Color(context, Red, caret)}");
    }

    private static string Color(CliContext context, string code, string text) => context.UseColor ? code + text + Reset : text;
}
