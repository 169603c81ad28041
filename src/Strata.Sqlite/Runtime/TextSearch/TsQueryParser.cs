namespace Strata.Sqlite.Runtime.TextSearch;

/// <summary>
/// Reads PostgreSQL's <c>to_tsquery</c> syntax, binding as PostgreSQL does: <c>!</c> tightest, then
/// <c>&lt;-&gt;</c>/<c>&lt;N&gt;</c>, then <c>&amp;</c>, then <c>|</c>; parentheses group. An operand is a word
/// or a <c>'quoted text'</c> (<c>''</c> or <c>\'</c> for a quote), with <c>:*</c> for a prefix and weight
/// letters A-D (a bare <c>:</c> adds nothing). An operand without words (punctuation alone) drops out with its operator, as
/// PostgreSQL drops one that its configuration reduces to nothing.
/// </summary>
internal sealed class TsQueryParser
{
    /// <summary>
    /// How deep parentheses, <c>!</c> and phrase operators may nest: the parser and the matcher recurse
    /// that deep, and a hostile query must be an error, not a stack overflow.
    /// </summary>
    private const int MaxDepth = 256;

    private readonly string _text;
    private int _at;
    private int _depth;

    private TsQueryParser(string text) => _text = text;

    /// <summary>The query <paramref name="text"/> reads as; text outside the syntax is error P2009.</summary>
    public static TextQuery Parse(string text)
    {
        // No text at all is a query without words, as PostgreSQL reads it (with a notice), not an error.
        if (string.IsNullOrWhiteSpace(text)) return TextQuery.Nothing;
        var parser = new TsQueryParser(text);
        var query = parser.Or();
        parser.SkipSpace();
        if (parser._at < text.Length)
            throw parser.Error(text[parser._at] == ')' ? "a ')' closes no '('" : "two operands need an operator (& | <->) between them");
        return query ?? TextQuery.Nothing;
    }

    private TextQuery? Or()
    {
        var left = And();
        while (Take('|')) left = Combine.Or(left, And());
        return left;
    }

    private TextQuery? And()
    {
        var left = Phrase();
        while (Take('&')) left = Combine.And(left, Phrase());
        return left;
    }

    private TextQuery? Phrase()
    {
        int depth = _depth;
        var left = Unary();
        while (TakeDistance() is int distance)
        {
            Deeper();
            left = Combine.Phrase(left, Unary(), distance);
        }
        _depth = depth;
        return left;
    }

    private TextQuery? Unary()
    {
        SkipSpace();
        if (_at >= _text.Length) throw Error("an operand is missing");
        char c = _text[_at];
        if (c == '!')
        {
            _at++;
            Deeper();
            var negated = Combine.Not(Unary());
            _depth--;
            return negated;
        }
        if (c == '(')
        {
            _at++;
            Deeper();
            var inner = Or();
            if (!Take(')')) throw Error("a '(' is not closed");
            _depth--;
            return inner;
        }
        if (IsOperator(c) || c == ')' || c == ':') throw Error($"an operand is missing before '{c}'");
        return Operand();
    }

    private TextQuery? Operand()
    {
        string word = _text[_at] == '\'' ? Quoted() : Word();
        bool prefix = false, weighted = false, weightD = false;
        if (_at < _text.Length && _text[_at] == ':')
        {
            // PostgreSQL reads a ':' with nothing after it as no weights, so the operand alone.
            _at++;
            for (; _at < _text.Length && "*AaBbCcDd".Contains(_text[_at]); _at++)
            {
                if (_text[_at] == '*') prefix = true;
                else
                {
                    weighted = true;
                    weightD |= char.ToUpperInvariant(_text[_at]) == 'D';
                }
            }
        }
        var words = TextWords.Of(word);
        return words.Count == 0 ? null : new TermQuery(words, prefix, never: weighted && !weightD);
    }

    private string Word()
    {
        int start = _at;
        while (_at < _text.Length && !char.IsWhiteSpace(_text[_at]) && !IsOperator(_text[_at]) && _text[_at] is not ('(' or ')' or ':')) _at++;
        return _text[start.._at];
    }

    private string Quoted()
    {
        int open = _at++;
        var text = new System.Text.StringBuilder();
        while (true)
        {
            if (_at >= _text.Length)
            {
                _at = open;
                throw Error("a quoted operand is not closed");
            }
            char c = _text[_at++];
            if (c == '\\' && _at < _text.Length) text.Append(_text[_at++]);
            else if (c == '\'' && _at < _text.Length && _text[_at] == '\'') text.Append(_text[_at++]);
            else if (c == '\'' && text.Length == 0)
            {
                _at = open;
                throw Error("a quoted operand is empty");
            }
            else if (c == '\'') return text.ToString();
            else text.Append(c);
        }
    }

    /// <summary>Takes <c>&lt;-&gt;</c> (1) or <c>&lt;N&gt;</c> (N), else null.</summary>
    private int? TakeDistance()
    {
        SkipSpace();
        if (_at >= _text.Length || _text[_at] != '<') return null;
        if (string.CompareOrdinal(_text, _at, "<->", 0, 3) == 0)
        {
            _at += 3;
            return 1;
        }
        int end = _at + 1;
        while (end < _text.Length && char.IsAsciiDigit(_text[end])) end++;
        if (end == _at + 1 || end >= _text.Length || _text[end] != '>' || !int.TryParse(_text.AsSpan(_at + 1, end - _at - 1), out int distance) || distance > 16384)
            throw Error("'<' starts '<->' or '<N>' (N from 0 to 16384)");
        _at = end + 1;
        return distance;
    }

    private void Deeper()
    {
        if (++_depth > MaxDepth) throw Error($"parentheses, '!' and phrase operators nest more than {MaxDepth} deep");
    }

    private bool Take(char c)
    {
        SkipSpace();
        if (_at >= _text.Length || _text[_at] != c) return false;
        _at++;
        return true;
    }

    private void SkipSpace()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at])) _at++;
    }

    private static bool IsOperator(char c) => c is '&' or '|' or '!' or '<';

    private StrataException Error(string reason) => new(ErrorCodes.InvalidQuery,
        $"The full-text query \"{(_text.Length <= 100 ? _text : _text[..100] + "...")}\" is not in to_tsquery's syntax: {reason} (at character {_at + 1}). " +
        "Join words with & | ! <->, or read a search box's text with SearchSyntax.Web.");
}
