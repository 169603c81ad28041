using System.Globalization;
using System.Text;

namespace Strata.Sqlite.Runtime.TextSearch;

/// <summary>
/// Splits text into words as FTS5's default tokenizer (unicode61) does: a word is a run of letters,
/// digits, marks and private-use characters; everything else (spaces, punctuation, symbols)
/// separates words. Words are folded: lower case, diacritics removed (<c>Café</c> is <c>cafe</c>).
/// No stemming and no stop words: <c>cats</c> is not <c>cat</c>, and <c>the</c> is a word.
/// </summary>
internal static class TextWords
{
    /// <summary>Appends the folded words of <paramref name="text"/> to <paramref name="words"/>.</summary>
    public static void Append(ReadOnlySpan<char> text, List<string> words)
    {
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            bool ascii = true;
            while (i < text.Length && IsWordAt(text, i, out int width, out bool isAscii))
            {
                ascii &= isAscii;
                i += width;
            }
            if (i > start)
            {
                words.Add(Fold(text[start..i], ascii));
                continue;
            }
            i += Width(text, i);
        }
    }

    /// <summary>The folded words of <paramref name="text"/>.</summary>
    public static List<string> Of(ReadOnlySpan<char> text)
    {
        var words = new List<string>();
        Append(text, words);
        return words;
    }

    private static bool IsWordAt(ReadOnlySpan<char> text, int i, out int width, out bool ascii)
    {
        char c = text[i];
        if (c < 0x80)
        {
            width = 1;
            ascii = true;
            return char.IsAsciiLetterOrDigit(c);
        }
        ascii = false;
        // A lone surrogate is never stored (ValueGuard refuses it) and decodes as U+FFFD, a separator.
        Rune.DecodeFromUtf16(text[i..], out var rune, out width);
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            UnicodeCategory.PrivateUse => true,
            _ => false,
        };
    }

    private static int Width(ReadOnlySpan<char> text, int i) => char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;

    private static string Fold(ReadOnlySpan<char> word, bool ascii)
    {
        if (ascii)
        {
            // The common case, without the decomposition below.
            return string.Create(word.Length, word, static (span, w) => System.Text.Ascii.ToLower(w, span, out _));
        }
        string lowered = word.ToString().ToLowerInvariant();
        string decomposed;
        try
        {
            decomposed = lowered.Normalize(NormalizationForm.FormD);
        }
        catch (PlatformNotSupportedException)
        {
            // Without globalization data (InvariantGlobalization) text cannot be decomposed: diacritics stay.
            return lowered;
        }
        var folded = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(c);
        // A word of marks alone keeps them rather than vanish.
        return folded.Length == 0 ? lowered : folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
