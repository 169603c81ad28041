using System.Collections.Generic;
using System.Text;
using Strata.Schema.Diagnostics;
using Strata.Schema.Text;

namespace Strata.Schema.Syntax
{
    /// <summary>
    /// Turns schema text into tokens. Newlines are tokens because PSL is line-oriented (one field
    /// per line). Comments are tokens so that the parser can attach them to elements.
    /// Never throws: bad characters become <see cref="TokenKind.Error"/> tokens with a diagnostic.
    /// </summary>
    internal sealed class Lexer
    {
        private readonly SourceFile _file;
        private readonly string _text;
        private readonly DiagnosticBag _diagnostics;
        private int _pos;

        public Lexer(SourceFile file, DiagnosticBag diagnostics)
        {
            _file = file;
            _text = file.Text;
            _diagnostics = diagnostics;
        }

        public List<Token> Lex()
        {
            var tokens = new List<Token>();
            // One diagnostic per run of bad characters (a binary file is one long run), covering the run.
            Token? runFirst = null;
            int runEnd = 0, runLength = 0;
            while (true)
            {
                var token = Next();
                if (token.Kind == TokenKind.Error)
                {
                    runFirst ??= token;
                    runEnd = token.Span.End;
                    runLength++;
                    continue;
                }
                if (runFirst != null)
                {
                    ReportBadCharacters(runFirst.Value, runEnd, runLength);
                    runFirst = null;
                    runLength = 0;
                }
                tokens.Add(token);
                if (token.Kind == TokenKind.EndOfFile) return tokens;
            }
        }

        private void ReportBadCharacters(Token first, int end, int count)
        {
            string what = count == 1
                ? $"Unexpected character '{Printable(first.Text)}'"
                : $"Unexpected characters: '{Printable(first.Text)}' and {count - 1} more";
            _diagnostics.Error(DiagnosticCodes.UnexpectedCharacter, _file, new TextSpan(first.Span.Start, end - first.Span.Start),
                $"{what}. Schema text is made of blocks such as `model Name {{ ... }}`; remove or quote {(count == 1 ? "this character" : "these characters")}.");
        }

        private Token Next()
        {
            while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t' || _text[_pos] == '\uFEFF'))
                _pos++;
            int start = _pos;
            if (_pos >= _text.Length) return new Token(TokenKind.EndOfFile, new TextSpan(_text.Length, 0), string.Empty);

            char c = _text[_pos];
            switch (c)
            {
                case '\r':
                    _pos++;
                    if (_pos < _text.Length && _text[_pos] == '\n') _pos++;
                    return Make(TokenKind.Newline, start);
                case '\n':
                    _pos++;
                    return Make(TokenKind.Newline, start);
                case '/':
                    if (Peek(1) == '/') return LexComment(start);
                    if (Peek(1) == '*' && TryLexBlockComment(start, out var block)) return block;
                    _pos++;
                    return Make(TokenKind.Error, start);
                case '"':
                    return LexString(start);
                case '@':
                    _pos++;
                    if (Peek(0) == '@')
                    {
                        _pos++;
                        return Make(TokenKind.AtAt, start);
                    }
                    return Make(TokenKind.At, start);
                case '(': _pos++; return Make(TokenKind.OpenParen, start);
                case ')': _pos++; return Make(TokenKind.CloseParen, start);
                case '[': _pos++; return Make(TokenKind.OpenBracket, start);
                case ']': _pos++; return Make(TokenKind.CloseBracket, start);
                case '{': _pos++; return Make(TokenKind.OpenBrace, start);
                case '}': _pos++; return Make(TokenKind.CloseBrace, start);
                case ',': _pos++; return Make(TokenKind.Comma, start);
                case ':': _pos++; return Make(TokenKind.Colon, start);
                case '=': _pos++; return Make(TokenKind.Equals, start);
                case '?': _pos++; return Make(TokenKind.Question, start);
                case '.': _pos++; return Make(TokenKind.Dot, start);
            }

            if (IsDigit(c) || (c == '-' && IsDigit(Peek(1))))
            {
                var number = LexNumber(start);
                // `2nd` is a name that starts with a digit, as in Prisma's grammar; the binder rejects it with a message.
                if (c == '-' || _pos >= _text.Length || !(IsIdentifierStart(_text[_pos]) || _text[_pos] == '_')) return number;
                while (_pos < _text.Length && IsIdentifierPart(_text[_pos])) _pos++;
                return Make(TokenKind.Identifier, start);
            }
            if (IsIdentifierStart(c))
            {
                while (_pos < _text.Length && IsIdentifierPart(_text[_pos])) _pos++;
                return Make(TokenKind.Identifier, start);
            }

            // Keep surrogate pairs together so that the message shows the whole character.
            _pos += char.IsHighSurrogate(c) && _pos + 1 < _text.Length && char.IsLowSurrogate(_text[_pos + 1]) ? 2 : 1;
            return Make(TokenKind.Error, start);
        }

        private Token LexComment(int start)
        {
            bool doc = Peek(2) == '/' && Peek(3) != '/';
            while (_pos < _text.Length && _text[_pos] != '\n' && _text[_pos] != '\r') _pos++;
            return Make(doc ? TokenKind.DocComment : TokenKind.Comment, start);
        }

        /// <summary>A <c>/* ... */</c> comment; one without its closing <c>*/</c> is not a comment (Prisma rejects the line).</summary>
        private bool TryLexBlockComment(int start, out Token token)
        {
            int close = _text.IndexOf("*/", start + 2, System.StringComparison.Ordinal);
            if (close < 0)
            {
                token = default;
                return false;
            }
            _pos = close + 2;
            token = Make(TokenKind.BlockComment, start);
            return true;
        }

        private Token LexNumber(int start)
        {
            if (_text[_pos] == '-') _pos++;
            while (IsDigit(Peek(0))) _pos++;
            if (Peek(0) == '.' && IsDigit(Peek(1)))
            {
                _pos++;
                while (IsDigit(Peek(0))) _pos++;
            }
            // No exponent: Prisma's grammar has none, and rejects `1e3`.
            return Make(TokenKind.Number, start);
        }

        private Token LexString(int start)
        {
            _pos++; // opening quote
            var value = new StringBuilder();
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == '"')
                {
                    _pos++;
                    return new Token(TokenKind.String, new TextSpan(start, _pos - start), _text.Substring(start, _pos - start), value.ToString());
                }
                if (c == '\n' || c == '\r') break;
                if (c == '\\')
                {
                    LexEscape(value);
                    continue;
                }
                value.Append(c);
                _pos++;
            }
            var span = new TextSpan(start, _pos - start);
            _diagnostics.Error(DiagnosticCodes.UnterminatedString, _file, span,
                "This string has no closing quote. Add a `\"` before the end of the line.");
            return new Token(TokenKind.String, span, _text.Substring(start, _pos - start), value.ToString());
        }

        private void LexEscape(StringBuilder value)
        {
            int start = _pos;
            _pos++; // backslash
            char e = Peek(0);
            switch (e)
            {
                case '"': value.Append('"'); _pos++; return;
                case '\\': value.Append('\\'); _pos++; return;
                case '/': value.Append('/'); _pos++; return;
                case 'n': value.Append('\n'); _pos++; return;
                case 'r': value.Append('\r'); _pos++; return;
                case 't': value.Append('\t'); _pos++; return;
                case 'b': value.Append('\b'); _pos++; return;
                case 'f': value.Append('\f'); _pos++; return;
                case 'u':
                    if (IsHex(Peek(1)) && IsHex(Peek(2)) && IsHex(Peek(3)) && IsHex(Peek(4)))
                    {
                        value.Append((char)System.Convert.ToInt32(_text.Substring(_pos + 1, 4), 16));
                        _pos += 5;
                        return;
                    }
                    break;
            }
            if (_pos < _text.Length && e != '\n' && e != '\r') _pos++;
            _diagnostics.Error(DiagnosticCodes.InvalidEscape, _file, new TextSpan(start, _pos - start),
                "Unknown escape sequence in string. Use \\\", \\\\, \\n, \\r, \\t or \\uXXXX.");
        }

        private Token Make(TokenKind kind, int start) =>
            new Token(kind, new TextSpan(start, _pos - start), _text.Substring(start, _pos - start));

        private char Peek(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsHex(char c) => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        /// <summary>As in Prisma: a name starts with a letter of any script (not a digit, not `_`).</summary>
        internal static bool IsIdentifierStart(char c) => char.IsLetter(c);

        /// <summary>Then letters of any script, ASCII digits, `_` and `-` (which the binder rejects in names).</summary>
        internal static bool IsIdentifierPart(char c) => char.IsLetter(c) || IsDigit(c) || c == '_' || c == '-';

        private static string Printable(string s)
        {
            var sb = new StringBuilder();
            foreach (char c in s)
            {
                if (c < ' ' || c == '\u007f') sb.Append("\\u").Append(((int)c).ToString("x4"));
                else sb.Append(c);
            }
            return sb.ToString();
        }
    }
}
