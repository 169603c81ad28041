using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static Strata.Differential.Engine.TriLogic;

namespace Strata.Differential.Engine;

/// <summary>
/// A generated full-text query: single words of the field's pool (maybe with <c>:*</c>), joined by
/// <c>&amp;</c> <c>|</c> <c>!</c> and <c>&lt;-&gt;</c> between two words, or a search box's text. The oracle
/// reads a text's words as docs/client.md states, with the configuration <c>simple</c>: runs of
/// letters, digits and marks, in lower case; SQLite also folds accents, PostgreSQL does not. The
/// pools hold no word that PostgreSQL's parser would keep whole (an email address, a URL) apart
/// from hyphenated ones (<c>Ann-Marie</c>), whose parts it also gives, one after the other.
/// </summary>
public sealed record SearchCond(ScalarSpec Field, SearchQ Query, SearchSyntax Syntax) : Cond
{
    public override Filter Build(object where) => Field.Search!(where, Query.Text(Syntax), Syntax);

    public override Tri Eval(object world, object row, Semantics semantics) =>
        Field.Get(row) is string text ? Of(Query.Matches(SearchQ.Words(text, semantics), semantics)) : Tri.Unknown;

    public override IEnumerable<Cond> Shrink() => Query.Shrink().Select(q => this with { Query = q });

    public override string ToString() => $"x.{Field.Name}.Search({CaseText.Value(Query.Text(Syntax))}, SearchSyntax.{Syntax}, \"simple\")";

    public static Cond Generate(Random r, ScalarSpec field)
    {
        var words = field.Pool.Cast<string>().SelectMany(t => SearchQ.Split(t)).Distinct().ToArray();
        if (words.Length == 0) words = ["x"];
        var syntax = r.Next(3) == 0 ? SearchSyntax.Web : SearchSyntax.TsQuery;
        return new SearchCond(field, SearchQ.Generate(r, words, syntax, 0), syntax);
    }
}

/// <summary>A full-text query as a tree, printed in either syntax.</summary>
public abstract record SearchQ
{
    public abstract bool Matches(IReadOnlyList<string> words, Semantics semantics);

    public abstract string Text(SearchSyntax syntax);

    public virtual IEnumerable<SearchQ> Shrink() => [];

    /// <summary>The words of <paramref name="text"/> before folding.</summary>
    public static IEnumerable<string> Split(string text) => Regex.Matches(text, @"[\p{L}\p{N}\p{M}]+").Select(m => m.Value);

    /// <summary>The folded words of <paramref name="text"/> on a provider.</summary>
    public static List<string> Words(string text, Semantics semantics) => Split(text).Select(w => Fold(w, semantics)).ToList();

    public static string Fold(string word, Semantics semantics)
    {
        var lower = word.ToLowerInvariant();
        if (semantics.Provider != "sqlite") return lower;
        var kept = lower.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string(kept.ToArray()).Normalize(NormalizationForm.FormC);
    }

    public static SearchQ Generate(Random r, string[] words, SearchSyntax syntax, int depth)
    {
        string Word() => words[r.Next(words.Length)];
        int roll = r.Next(10);
        if (syntax == SearchSyntax.Web)
        {
            // A search box: words all required, "a b" a phrase, -a excluded, or between groups.
            SearchQ Item() => r.Next(4) switch
            {
                0 => new FollowQ(new WordQ(Word(), false), new WordQ(Word(), false)),
                1 => new NotQ(new WordQ(Word(), false)),
                _ => new WordQ(Word(), false),
            };
            SearchQ Group() => r.Next(2) == 0 ? Item() : new BothQ(true, Item(), Item());
            return r.Next(3) == 0 ? new BothQ(false, Group(), Group()) : Group();
        }
        if (depth < 2 && roll < 3) return new BothQ(r.Next(2) == 0, Generate(r, words, syntax, depth + 1), Generate(r, words, syntax, depth + 1));
        if (depth < 2 && roll < 4) return new NotQ(Generate(r, words, syntax, depth + 1));
        if (roll < 6) return new FollowQ(new WordQ(Word(), false), new WordQ(Word(), false));
        var word = Word();
        return roll == 9 && word.Length > 1 ? new WordQ(word[..(1 + r.Next(word.Length - 1))], true) : new WordQ(word, false);
    }
}

public sealed record WordQ(string Word, bool Prefix) : SearchQ
{
    public bool At(string word, Semantics semantics)
    {
        var wanted = Fold(Word, semantics);
        return Prefix ? word.StartsWith(wanted, StringComparison.Ordinal) : word == wanted;
    }

    public override bool Matches(IReadOnlyList<string> words, Semantics semantics) => words.Any(w => At(w, semantics));

    public override string Text(SearchSyntax syntax) => Prefix ? Word + ":*" : Word;
}

/// <summary>Two words, the second right after the first.</summary>
public sealed record FollowQ(WordQ First, WordQ Second) : SearchQ
{
    public override bool Matches(IReadOnlyList<string> words, Semantics semantics) =>
        Enumerable.Range(0, Math.Max(0, words.Count - 1)).Any(i => First.At(words[i], semantics) && Second.At(words[i + 1], semantics));

    public override string Text(SearchSyntax syntax) => syntax == SearchSyntax.Web ? $"\"{First.Word} {Second.Word}\"" : $"{First.Text(syntax)} <-> {Second.Text(syntax)}";

    public override IEnumerable<SearchQ> Shrink() => [First, Second];
}

public sealed record NotQ(SearchQ Inner) : SearchQ
{
    public override bool Matches(IReadOnlyList<string> words, Semantics semantics) => !Inner.Matches(words, semantics);

    public override string Text(SearchSyntax syntax) => (syntax == SearchSyntax.Web ? "-" : "!") + (Inner is WordQ ? Inner.Text(syntax) : "(" + Inner.Text(syntax) + ")");

    public override IEnumerable<SearchQ> Shrink() => [Inner];
}

public sealed record BothQ(bool IsAnd, SearchQ Left, SearchQ Right) : SearchQ
{
    public override bool Matches(IReadOnlyList<string> words, Semantics semantics) =>
        IsAnd ? Left.Matches(words, semantics) && Right.Matches(words, semantics) : Left.Matches(words, semantics) || Right.Matches(words, semantics);

    // The web syntax has no parentheses: its generator nests only "and" groups under one "or".
    public override string Text(SearchSyntax syntax) => syntax == SearchSyntax.Web
        ? Left.Text(syntax) + (IsAnd ? " " : " or ") + Right.Text(syntax)
        : "(" + Left.Text(syntax) + (IsAnd ? " & " : " | ") + Right.Text(syntax) + ")";

    public override IEnumerable<SearchQ> Shrink() => [Left, Right];
}
