using System.Text;

namespace Strata.Cli.Output;

/// <summary>
/// The part of a source line that a diagnostic shows, and where its caret goes in it. A line of a
/// binary or generated file can be megabytes long and hold control characters that a terminal
/// would act on, so the excerpt is at most <see cref="MaxWidth"/> characters around the caret (an
/// ellipsis marks what was cut) and shows control characters as <c>?</c>.
/// </summary>
/// <param name="Text">The line as printed.</param>
/// <param name="CaretStart">The column (0-based) of the caret in <paramref name="Text"/>.</param>
/// <param name="CaretWidth">How many carets, at least one.</param>
internal readonly record struct SourceExcerpt(string Text, int CaretStart, int CaretWidth)
{
    /// <summary>The most characters of a line shown, ellipses aside.</summary>
    public const int MaxWidth = 200;

    private const string Ellipsis = "...";

    /// <summary>
    /// The excerpt of <paramref name="line"/> for a span that starts at <paramref name="start"/> (0-based)
    /// and covers <paramref name="length"/> characters. A password in the line (a datasource url
    /// written out in the schema) is hidden first, with the caret moved to match.
    /// </summary>
    public static SourceExcerpt Of(string line, int start, int length)
    {
        start = Math.Clamp(start, 0, line.Length);
        int end = Math.Clamp(start + Math.Max(0, length), start, line.Length);
        (line, start, end) = Redacted(line, start, end);
        int width = Math.Max(1, end - start);
        if (line.Length <= MaxWidth) return new SourceExcerpt(Printable(line), start, width);

        // A window that shows the start of the span, with a quarter of the width before it for context.
        int from = Math.Max(0, Math.Min(start - MaxWidth / 4, line.Length - MaxWidth));
        int to = from + MaxWidth;
        // A character outside the Basic Multilingual Plane stays whole: its two halves are shown or cut together.
        if (from > 0 && char.IsLowSurrogate(line[from])) from++;
        if (to < line.Length && char.IsHighSurrogate(line[to - 1])) to--;
        string before = from > 0 ? Ellipsis : "";
        string text = before + Printable(line[from..to]) + (to < line.Length ? Ellipsis : "");
        return new SourceExcerpt(text, start - from + before.Length, Math.Max(1, Math.Min(width, to - start)));
    }

    /// <summary>The line with its secrets masked, and the span's ends moved by what the masks removed before them.</summary>
    private static (string Line, int Start, int End) Redacted(string line, int start, int end)
    {
        var secrets = ConnectionSecrets.Find(line);
        if (secrets.Count == 0) return (line, start, end);
        int Moved(int offset, bool isEnd)
        {
            int shift = 0;
            foreach (var (from, length) in secrets)
            {
                if (offset >= from + length) shift += length - ConnectionSecrets.Mask.Length;
                else if (offset > from) return from - shift + (isEnd ? ConnectionSecrets.Mask.Length : 0); // inside a secret: the whole mask
            }
            return offset - shift;
        }
        return (ConnectionSecrets.Redact(line), Moved(start, isEnd: false), Moved(end, isEnd: true));
    }

    /// <summary>
    /// Text with each control character as one <c>?</c> (a tab as a space), so that the caret below
    /// lines up and nothing in a schema file can move the cursor or change colours on a terminal.
    /// </summary>
    public static string Printable(string text)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!char.IsControl(c)) { sb?.Append(c); continue; }
            sb ??= new StringBuilder(text.Length).Append(text, 0, i);
            sb.Append(c == '\t' ? ' ' : '?');
        }
        return sb?.ToString() ?? text;
    }
}
