using Strata.Schema.Text;

namespace Strata.Schema.Syntax
{
    internal enum TokenKind
    {
        Identifier,
        String,
        Number,
        At,
        AtAt,
        OpenParen,
        CloseParen,
        OpenBracket,
        CloseBracket,
        OpenBrace,
        CloseBrace,
        Comma,
        Colon,
        Equals,
        Question,
        Dot,
        Newline,
        Comment,
        DocComment,
        /// <summary>A <c>/* ... */</c> comment, which may span several lines.</summary>
        BlockComment,
        Error,
        EndOfFile,
    }

    /// <summary>A token. For strings, <see cref="Value"/> holds the unescaped text; <see cref="Text"/> is always the source text.</summary>
    internal readonly struct Token
    {
        public Token(TokenKind kind, TextSpan span, string text, string? value = null)
        {
            Kind = kind;
            Span = span;
            Text = text;
            Value = value ?? text;
        }

        public TokenKind Kind { get; }

        public TextSpan Span { get; }

        public string Text { get; }

        public string Value { get; }

        public override string ToString() => $"{Kind} '{Text}' {Span}";
    }
}
