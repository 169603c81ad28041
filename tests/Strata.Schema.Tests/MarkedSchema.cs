using Strata.TestSupport;

namespace Strata.Schema.Tests;

/// <summary>
/// A schema text with the expected diagnostic span marked as «...». The markers are removed and
/// their position gives the expected line, column and length.
/// </summary>
public sealed record MarkedSchema(string Text, int Line, int Column, int Length)
{
    public static MarkedSchema Parse(string marked)
    {
        int open = marked.IndexOf('«');
        int close = marked.IndexOf('»');
        if (open < 0 || close < open) throw new ArgumentException("The schema needs «...» around the expected span.");
        string text = marked.Remove(close, 1).Remove(open, 1);
        int line = 1, column = 1;
        for (int i = 0; i < open; i++)
        {
            if (text[i] == '\n') { line++; column = 1; }
            else column++;
        }
        return new MarkedSchema(text, line, column, close - open - 1);
    }
}
