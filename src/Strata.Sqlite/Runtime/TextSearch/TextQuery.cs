namespace Strata.Sqlite.Runtime.TextSearch;

/// <summary>A place in a text: the words from <see cref="Start"/> to <see cref="End"/> (indexes, inclusive).</summary>
internal readonly record struct WordSpan(int Start, int End);

/// <summary>
/// A parsed full-text query, evaluated over a text's words (<see cref="TextWords"/>) as PostgreSQL
/// evaluates a tsquery over a tsvector: <c>&amp;</c>, <c>|</c>, <c>!</c> on whether parts match, and
/// <c>&lt;N&gt;</c> on where they match (so phrases nest: <c>(a | b) &lt;-&gt; c</c>).
/// </summary>
internal abstract class TextQuery
{
    /// <summary>The query with no words (<c>""</c>, or only punctuation): it matches no text, as in PostgreSQL.</summary>
    public static readonly TextQuery Nothing = new NothingQuery();

    /// <summary>True when <paramref name="words"/> match the query.</summary>
    public abstract bool Matches(IReadOnlyList<string> words);

    /// <summary>Appends where the query matches in <paramref name="words"/>, for a phrase around it.</summary>
    public abstract void Spans(IReadOnlyList<string> words, List<WordSpan> spans);

    /// <summary>Appends the query's words that count for relevance: those not under a <c>!</c>.</summary>
    public abstract void Terms(List<TermQuery> terms);

    /// <summary>
    /// How well <paramref name="words"/> match: 0 when they do not; else, for each word of the query
    /// (outside a <c>!</c>) found f times, f / (f + 1), summed, so more occurrences and more of the
    /// query's words rank higher, each word's part growing more slowly the more often it is found.
    /// </summary>
    public double Rank(IReadOnlyList<string> words)
    {
        if (!Matches(words)) return 0;
        var terms = new List<TermQuery>();
        Terms(terms);
        var spans = new List<WordSpan>();
        double rank = 0;
        foreach (var term in terms)
        {
            spans.Clear();
            term.Spans(words, spans);
            rank += spans.Count / (spans.Count + 1.0);
        }
        return rank;
    }

    /// <summary>What <paramref name="join"/> makes of each place of <paramref name="left"/> with each of <paramref name="right"/> (null: nothing).</summary>
    protected static List<WordSpan> Pairs(List<WordSpan> left, List<WordSpan> right, Func<WordSpan, WordSpan, WordSpan?> join)
    {
        var joined = new List<WordSpan>();
        foreach (var a in left)
            foreach (var b in right)
                if (join(a, b) is { } span) joined.Add(span);
        return joined;
    }

    /// <summary>True when the query matches somewhere in <paramref name="words"/>.</summary>
    protected bool Found(IReadOnlyList<string> words)
    {
        var spans = new List<WordSpan>();
        Spans(words, spans);
        return spans.Count > 0;
    }

    private sealed class NothingQuery : TextQuery
    {
        public override bool Matches(IReadOnlyList<string> words) => false;

        public override void Spans(IReadOnlyList<string> words, List<WordSpan> spans) { }

        public override void Terms(List<TermQuery> terms) { }
    }
}

/// <summary>
/// One operand: a word, or the words one operand splits into (<c>foo-bar</c>, <c>'big cat'</c>), which
/// must follow one another; with <paramref name="prefix"/> (<c>:*</c>) each matches the words it starts.
/// <paramref name="never"/> is set when the operand asks for weights (<c>:A</c>) that no text has:
/// a text's words all have weight D, as <c>to_tsvector</c>'s do.
/// </summary>
internal sealed class TermQuery(IReadOnlyList<string> words, bool prefix, bool never) : TextQuery
{
    public IReadOnlyList<string> Words { get; } = words;

    // The test of every row of a search: without building its places.
    public override bool Matches(IReadOnlyList<string> words)
    {
        for (int i = 0; i + Words.Count <= words.Count; i++)
            if (At(words, i)) return !never;
        return false;
    }

    public override void Spans(IReadOnlyList<string> words, List<WordSpan> spans)
    {
        if (never) return;
        for (int i = 0; i + Words.Count <= words.Count; i++)
            if (At(words, i)) spans.Add(new WordSpan(i, i + Words.Count - 1));
    }

    /// <summary>True when the operand's words are those from <paramref name="i"/> on.</summary>
    private bool At(IReadOnlyList<string> words, int i)
    {
        for (int k = 0; k < Words.Count; k++)
            if (!Is(words[i + k], Words[k])) return false;
        return true;
    }

    public override void Terms(List<TermQuery> terms) => terms.Add(this);

    private bool Is(string word, string wanted) => prefix ? word.StartsWith(wanted, StringComparison.Ordinal) : word == wanted;
}

/// <summary>
/// <c>!x</c>: the text does not match x; inside a phrase, every word that does not end a match of x,
/// and next to the phrase's other side any place at all that does not (<see cref="PhraseQuery"/>).
/// </summary>
internal sealed class NotQuery(TextQuery operand) : TextQuery
{
    public override bool Matches(IReadOnlyList<string> words) => !operand.Matches(words);

    public override void Spans(IReadOnlyList<string> words, List<WordSpan> spans)
    {
        var ends = Ends(words);
        for (int i = 0; i < words.Count; i++)
            if (!ends.Contains(i)) spans.Add(new WordSpan(i, i));
    }

    public override void Terms(List<TermQuery> terms) { }

    /// <summary>Where the negated operand's matches end: the places this one is not.</summary>
    public HashSet<int> Ends(IReadOnlyList<string> words)
    {
        var matched = new List<WordSpan>();
        operand.Spans(words, matched);
        return matched.Select(s => s.End).ToHashSet();
    }
}

/// <summary>
/// <c>a &amp; b &amp; ...</c> or <c>a | b | ...</c>: one node for a chain of the same operator, so a long
/// chain is a loop, not a recursion as deep as the chain.
/// </summary>
internal abstract class ChainQuery(TextQuery first, TextQuery second) : TextQuery
{
    protected List<TextQuery> Parts { get; } = [first, second];

    /// <summary>Adds one more operand; only while the query is being read.</summary>
    public void Add(TextQuery part) => Parts.Add(part);

    public override void Terms(List<TermQuery> terms)
    {
        foreach (var part in Parts) part.Terms(terms);
    }
}

/// <summary><c>a &amp; b</c>; inside a phrase, the places where all end.</summary>
internal sealed class AndQuery(TextQuery first, TextQuery second) : ChainQuery(first, second)
{
    public override bool Matches(IReadOnlyList<string> words) => Parts.TrueForAll(p => p.Matches(words));

    public override void Spans(IReadOnlyList<string> words, List<WordSpan> spans)
    {
        var joined = new List<WordSpan>();
        Parts[0].Spans(words, joined);
        for (int i = 1; i < Parts.Count && joined.Count > 0; i++)
        {
            var next = new List<WordSpan>();
            Parts[i].Spans(words, next);
            joined = Pairs(joined, next, (a, b) => a.End == b.End ? new WordSpan(Math.Min(a.Start, b.Start), a.End) : null);
        }
        spans.AddRange(joined);
    }
}

/// <summary><c>a | b</c>; inside a phrase, the places of any.</summary>
internal sealed class OrQuery(TextQuery first, TextQuery second) : ChainQuery(first, second)
{
    public override bool Matches(IReadOnlyList<string> words) => Parts.Exists(p => p.Matches(words));

    public override void Spans(IReadOnlyList<string> words, List<WordSpan> spans)
    {
        foreach (var part in Parts) part.Spans(words, spans);
    }
}

/// <summary><c>a &lt;N&gt; b</c> (<c>&lt;-&gt;</c> is <c>&lt;1&gt;</c>): b starts N words after a ends.</summary>
internal sealed class PhraseQuery(TextQuery left, TextQuery right, int distance) : TextQuery
{
    public override bool Matches(IReadOnlyList<string> words) => Found(words);

    public override void Spans(IReadOnlyList<string> words, List<WordSpan> spans)
    {
        var l = new List<WordSpan>();
        var r = new List<WordSpan>();
        // A negated side holds wherever its operand does not, also before the text's first word and
        // after its last, as in PostgreSQL: "!cat <-> run" finds "run" at the start of a text.
        if (left is NotQuery notLeft && right is not NotQuery)
        {
            var ends = notLeft.Ends(words);
            right.Spans(words, r);
            foreach (var b in r)
                if (!ends.Contains(b.Start - distance)) spans.Add(new WordSpan(b.Start - distance, b.End));
            return;
        }
        if (right is NotQuery notRight && left is not NotQuery)
        {
            var ends = notRight.Ends(words);
            left.Spans(words, l);
            foreach (var a in l)
                if (!ends.Contains(a.End + distance)) spans.Add(new WordSpan(a.Start, a.End + distance));
            return;
        }
        left.Spans(words, l);
        right.Spans(words, r);
        spans.AddRange(Pairs(l, r, (a, b) => b.Start - a.End == distance ? new WordSpan(a.Start, b.End) : null));
    }

    public override void Terms(List<TermQuery> terms)
    {
        left.Terms(terms);
        right.Terms(terms);
    }
}
