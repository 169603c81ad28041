using System.Collections.Generic;
using System.Linq;
using System.Text;
using Strata.Schema.Diagnostics;
using Strata.Schema.Text;

namespace Strata.Schema.Syntax
{
    /// <summary>
    /// Recursive-descent parser for one schema file. It recovers after every error (skipping to
    /// the end of the line or block) so that all errors are reported, and it never throws:
    /// every loop consumes at least one token, and nesting is bounded.
    /// </summary>
    public sealed class Parser
    {
        private const int MaxNesting = 32;

        private readonly SourceFile _file;
        private readonly DiagnosticBag _diagnostics;
        private readonly List<Token> _tokens;
        private int _index;

        /// <summary>Where the block being parsed starts: Prisma reports a property without a value on its block.</summary>
        private TextSpan _blockKeyword;
        private int _depth;

        private Parser(SourceFile file, DiagnosticBag diagnostics)
        {
            _file = file;
            _diagnostics = diagnostics;
            _tokens = new Lexer(file, diagnostics).Lex();
        }

        /// <summary>Parses one file; syntax errors are returned with the document.</summary>
        public static (SchemaDocument Document, IReadOnlyList<Diagnostic> Diagnostics) Parse(SourceFile file)
        {
            var bag = new DiagnosticBag();
            var document = Parse(file, bag);
            return (document, bag.Items.OrderBy(d => d.Location.Span.Start).ToList());
        }

        internal static SchemaDocument Parse(SourceFile file, DiagnosticBag diagnostics) =>
            new Parser(file, diagnostics).ParseDocument();

        private Token Current => _tokens[_index];

        private Token PeekToken(int ahead) => _tokens[System.Math.Min(_index + ahead, _tokens.Count - 1)];

        private Token Advance()
        {
            var t = _tokens[_index];
            if (_index < _tokens.Count - 1) _index++;
            return t;
        }

        private bool At(TokenKind kind) => Current.Kind == kind;

        private bool AtLineEnd => At(TokenKind.Newline) || At(TokenKind.EndOfFile) || AtLineStart;

        /// <summary>True right after a newline: a value that lacked its closing bracket stopped at the next line.</summary>
        private bool AtLineStart => _index > 0 && _tokens[_index - 1].Kind == TokenKind.Newline && !At(TokenKind.Newline);

        private SchemaDocument ParseDocument()
        {
            var items = new List<SyntaxItem>();
            var docLines = new List<CommentLine>();
            bool lineHasContent = false;
            while (!At(TokenKind.EndOfFile))
            {
                var token = Current;
                switch (token.Kind)
                {
                    case TokenKind.Newline:
                        Advance();
                        if (!lineHasContent) AddBlank(items, token.Span, docLines);
                        lineHasContent = false;
                        break;
                    case TokenKind.Comment:
                    case TokenKind.DocComment:
                    case TokenKind.BlockComment:
                        // A block comment may share its line with the element after it.
                        Advance();
                        var comment = new CommentLine(token.Span, token.Text.TrimEnd());
                        items.Add(comment);
                        if (comment.IsDoc) docLines.Add(comment); else docLines.Clear();
                        lineHasContent = true;
                        break;
                    case TokenKind.Identifier when TryBlockKind(token.Text, out var kind) && PeekToken(1).Kind == TokenKind.Identifier:
                        var block = ParseBlock(kind);
                        block.Documentation = JoinDocs(docLines);
                        docLines.Clear();
                        items.Add(block);
                        lineHasContent = true;
                        break;
                    default:
                        ReportUnknownTopLevel(token);
                        docLines.Clear();
                        lineHasContent = true;
                        break;
                }
            }
            return new SchemaDocument(_file, items);
        }

        private static void AddBlank(List<SyntaxItem> items, TextSpan span, List<CommentLine> docLines)
        {
            docLines.Clear();
            if (items.Count > 0 && !(items[items.Count - 1] is BlankLine)) items.Add(new BlankLine(span));
        }

        private void ReportUnknownTopLevel(Token token)
        {
            if (token.Kind == TokenKind.Identifier)
            {
                string hint = TryBlockKind(token.Text, out _)
                    ? $"`{token.Text}` needs a name, as in `{token.Text} Name {{ ... }}`."
                    : $"A schema holds `datasource`, `generator`, `model`, `view`, `enum` and `type` blocks{Suggest(token.Text)}.";
                _diagnostics.Error(DiagnosticCodes.UnknownBlockKeyword, _file, token.Span, $"Unexpected `{token.Text}` at the top level. {hint}");
            }
            else if (token.Kind != TokenKind.Error)
            {
                _diagnostics.Error(DiagnosticCodes.UnexpectedToken, _file, token.Span,
                    $"Unexpected {Describe(token)} at the top level. A schema holds `datasource`, `generator`, `model`, `view`, `enum` and `type` blocks.");
            }
            SkipLineOrBlock();
        }

        private static string Suggest(string word)
        {
            string[] keywords = { "datasource", "generator", "model", "view", "enum", "type" };
            foreach (var k in keywords)
            {
                if (EditDistance.Within(word.ToLowerInvariant(), k, 2)) return $"; did you mean `{k}`?";
            }
            return string.Empty;
        }

        /// <summary>Skips the rest of a line; when that line opens a block, skips to its closing brace.</summary>
        private void SkipLineOrBlock()
        {
            int braces = 0;
            while (!At(TokenKind.EndOfFile))
            {
                var t = Advance();
                if (t.Kind == TokenKind.OpenBrace) braces++;
                else if (t.Kind == TokenKind.CloseBrace && braces > 0) braces--;
                else if (t.Kind == TokenKind.Newline && braces == 0) return;
                if (braces > 0 && At(TokenKind.Identifier) && IsBlockStartAhead())
                {
                    return; // the skipped block was never closed; resume at the next block
                }
                if (braces == 0 && t.Kind == TokenKind.CloseBrace) return;
            }
        }

        private static bool TryBlockKind(string keyword, out BlockKind kind)
        {
            switch (keyword)
            {
                case "datasource": kind = BlockKind.Datasource; return true;
                case "generator": kind = BlockKind.Generator; return true;
                case "model": kind = BlockKind.Model; return true;
                case "view": kind = BlockKind.View; return true;
                case "type": kind = BlockKind.Type; return true;
                case "enum": kind = BlockKind.Enum; return true;
                default: kind = default; return false;
            }
        }

        /// <summary>True when the current line starts a new top-level block (<c>model X {</c>), which means the previous block lacks its brace.</summary>
        private bool IsBlockStartAhead()
        {
            if (!At(TokenKind.Identifier) || !TryBlockKind(Current.Text, out _)) return false;
            if (_index > 0 && _tokens[_index - 1].Kind != TokenKind.Newline) return false;
            return PeekToken(1).Kind == TokenKind.Identifier && PeekToken(2).Kind == TokenKind.OpenBrace;
        }

        private BlockDeclaration ParseBlock(BlockKind kind)
        {
            var keyword = Advance();
            _blockKeyword = keyword.Span;
            var name = Advance();
            var members = new List<SyntaxItem>();
            string? headerComment = null;
            int end;

            if (!At(TokenKind.OpenBrace))
            {
                Expected("`{` to open the block", Current);
                SkipToLineEnd();
                var broken = new BlockDeclaration(TextSpan.Cover(keyword.Span, name.Span), kind, name.Text, name.Span, keyword.Span, members);
                return broken;
            }
            Advance();
            if (At(TokenKind.Comment) || At(TokenKind.DocComment) || At(TokenKind.BlockComment)) headerComment = Advance().Text.TrimEnd();
            if (!AtLineEnd && !At(TokenKind.CloseBrace))
            {
                Expected("a new line after `{`", Current);
            }

            var docLines = new List<CommentLine>();
            bool lineHasContent = true; // the line of the opening brace
            while (true)
            {
                var token = Current;
                if (token.Kind == TokenKind.EndOfFile || IsBlockStartAhead())
                {
                    _diagnostics.Error(DiagnosticCodes.UnclosedBlock, _file, TextSpan.Cover(keyword.Span, name.Span),
                        $"The {BlockDeclaration.Keyword(kind)} `{name.Text}` is not closed. Add `}}` after its last line.");
                    end = _index > 0 ? _tokens[_index - 1].Span.End : token.Span.Start;
                    break;
                }
                if (token.Kind == TokenKind.CloseBrace)
                {
                    Advance();
                    end = token.Span.End;
                    break;
                }
                switch (token.Kind)
                {
                    case TokenKind.Newline:
                        Advance();
                        if (!lineHasContent && members.Count > 0) AddBlank(members, token.Span, docLines);
                        else if (!lineHasContent) docLines.Clear();
                        lineHasContent = false;
                        continue;
                    case TokenKind.Comment:
                    case TokenKind.DocComment:
                    case TokenKind.BlockComment:
                        Advance();
                        var comment = new CommentLine(token.Span, token.Text.TrimEnd());
                        members.Add(comment);
                        if (comment.IsDoc) docLines.Add(comment); else docLines.Clear();
                        lineHasContent = true;
                        continue;
                }

                lineHasContent = true;
                var member = ParseMember(kind);
                if (member == null)
                {
                    docLines.Clear();
                    continue;
                }
                if (member is DocumentedItem documented) documented.Documentation = JoinDocs(docLines);
                docLines.Clear();
                members.Add(member);
                FinishLine(member);
            }

            var block = new BlockDeclaration(new TextSpan(keyword.Span.Start, end - keyword.Span.Start), kind, name.Text, name.Span, keyword.Span, members)
            {
                HeaderComment = headerComment,
            };
            // Prisma accepts a comment after `}`, a block comment too, and a `//` comment after that
            // (left to the caller, as a comment line of its own).
            bool afterBlockComment = At(TokenKind.BlockComment);
            if (At(TokenKind.Comment) || At(TokenKind.DocComment) || afterBlockComment) block.TrailingComment = Advance().Text.TrimEnd();
            if (!AtLineEnd && !(afterBlockComment && (At(TokenKind.Comment) || At(TokenKind.DocComment))))
            {
                Expected("a new line after `}`", Current);
                SkipToLineEnd();
            }
            return block;
        }

        private SyntaxItem? ParseMember(BlockKind kind)
        {
            var token = Current;
            if (token.Kind == TokenKind.AtAt)
            {
                if (kind == BlockKind.Datasource || kind == BlockKind.Generator)
                {
                    Expected("a `key = value` line", token);
                    SkipToLineEnd();
                    return null;
                }
                return ParseAttribute();
            }
            if (token.Kind != TokenKind.Identifier)
            {
                string what = kind switch
                {
                    BlockKind.Enum => "an enum value",
                    BlockKind.Datasource or BlockKind.Generator => "a `key = value` line",
                    _ => "a field or a `@@` attribute",
                };
                if (token.Kind != TokenKind.Error) Expected(what, token);
                SkipToLineEnd();
                return null;
            }
            return kind switch
            {
                BlockKind.Enum => ParseEnumValue(),
                BlockKind.Datasource or BlockKind.Generator => ParseProperty(),
                _ => ParseField(),
            };
        }

        /// <summary>After a member: a trailing comment, then the end of the line (or the closing brace).</summary>
        private void FinishLine(SyntaxItem member)
        {
            if (At(TokenKind.Comment) || At(TokenKind.DocComment))
            {
                member.TrailingComment = Advance().Text.TrimEnd();
            }
            else if (At(TokenKind.BlockComment))
            {
                // One block comment may end a line (Prisma refuses a second one, or `//` after it).
                member.TrailingComment = Advance().Text;
            }
            if (AtLineEnd || At(TokenKind.CloseBrace)) return;
            if (Current.Kind != TokenKind.Error) Expected("the end of the line", Current);
            SkipToLineEnd();
        }

        private FieldDeclaration ParseField()
        {
            var name = Advance();
            FieldTypeSyntax? type = null;
            if (At(TokenKind.Identifier))
            {
                type = ParseFieldType();
            }
            else
            {
                _diagnostics.Error(DiagnosticCodes.MissingFieldType, _file, name.Span,
                    $"The field `{name.Text}` has no type. Write it as `{name.Text} String`, `{name.Text} Int?`, `{name.Text} Post[]` and so on.");
                if (!AtLineEnd && !At(TokenKind.At) && !At(TokenKind.Comment) && !At(TokenKind.DocComment) && !At(TokenKind.CloseBrace))
                {
                    SkipToLineEnd();
                }
            }
            var attributes = ParseFieldAttributes();
            int end = attributes.Count > 0 ? attributes[attributes.Count - 1].Span.End : type?.Span.End ?? name.Span.End;
            return new FieldDeclaration(new TextSpan(name.Span.Start, end - name.Span.Start), name.Text, name.Span, type, attributes);
        }

        private FieldTypeSyntax ParseFieldType()
        {
            var typeName = Advance();
            ArgumentList? args = null;
            int end = typeName.Span.End;
            if (At(TokenKind.OpenParen))
            {
                args = ParseArgumentList();
                end = args.Span.End;
            }
            bool isList = false, isOptional = false;
            if (At(TokenKind.OpenBracket) && PeekToken(1).Kind == TokenKind.CloseBracket)
            {
                Advance();
                end = Advance().Span.End;
                isList = true;
            }
            if (At(TokenKind.Question))
            {
                var q = Advance();
                end = q.Span.End;
                if (isList)
                {
                    _diagnostics.Error(DiagnosticCodes.UnexpectedToken, _file, q.Span,
                        "A list cannot be optional: an empty list already means \"none\". Remove the `?`.");
                }
                else isOptional = true;
                if (At(TokenKind.OpenBracket) && PeekToken(1).Kind == TokenKind.CloseBracket)
                {
                    Advance();
                    var close = Advance();
                    _diagnostics.Error(DiagnosticCodes.UnexpectedToken, _file, TextSpan.Cover(q.Span, close.Span),
                        $"Write a list type as `{typeName.Text}[]`; optional lists (`?[]`) do not exist.");
                    end = close.Span.End;
                }
            }
            return new FieldTypeSyntax(new TextSpan(typeName.Span.Start, end - typeName.Span.Start), typeName.Text, typeName.Span, args, isList, isOptional);
        }

        private List<AttributeSyntax> ParseFieldAttributes()
        {
            var attributes = new List<AttributeSyntax>();
            while (At(TokenKind.At) || At(TokenKind.AtAt))
            {
                if (At(TokenKind.AtAt))
                {
                    _diagnostics.Error(DiagnosticCodes.UnexpectedToken, _file, Current.Span,
                        "Block attributes (`@@...`) go on a line of their own inside the block, not after a field.");
                }
                attributes.Add(ParseAttribute());
            }
            return attributes;
        }

        private AttributeSyntax ParseAttribute()
        {
            var at = Advance();
            bool isBlock = at.Kind == TokenKind.AtAt;
            var name = new StringBuilder();
            int nameEnd = at.Span.End;
            if (At(TokenKind.Identifier) && Current.Span.Start == at.Span.End)
            {
                var part = Advance();
                name.Append(part.Text);
                nameEnd = part.Span.End;
                while (At(TokenKind.Dot) && PeekToken(1).Kind == TokenKind.Identifier)
                {
                    Advance();
                    part = Advance();
                    name.Append('.').Append(part.Text);
                    nameEnd = part.Span.End;
                }
            }
            else
            {
                Expected("an attribute name right after `" + at.Text + "`", Current);
            }
            var nameSpan = new TextSpan(at.Span.Start, nameEnd - at.Span.Start);
            ArgumentList? args = null;
            if (At(TokenKind.OpenParen)) args = ParseArgumentList();
            int end = args?.Span.End ?? nameEnd;
            return new AttributeSyntax(new TextSpan(at.Span.Start, end - at.Span.Start), isBlock, name.ToString(), nameSpan, args);
        }

        private EnumValueDeclaration ParseEnumValue()
        {
            var name = Advance();
            var attributes = ParseFieldAttributes();
            int end = attributes.Count > 0 ? attributes[attributes.Count - 1].Span.End : name.Span.End;
            return new EnumValueDeclaration(new TextSpan(name.Span.Start, end - name.Span.Start), name.Text, name.Span, attributes);
        }

        private PropertyDeclaration ParseProperty()
        {
            var name = Advance();
            Expression? value = null;
            if (At(TokenKind.Equals))
            {
                Advance();
                if (AtLineEnd || At(TokenKind.Comment) || At(TokenKind.CloseBrace))
                {
                    _diagnostics.Error(DiagnosticCodes.UnexpectedToken, _file, _blockKeyword,
                        $"The property `{name.Text}` has no value after `=`. Give it one, as in `{name.Text} = \"...\"`.");
                }
                else value = ParseExpression();
            }
            else
            {
                Expected($"`=` after `{name.Text}`, as in `{name.Text} = \"...\"`", Current);
                if (!At(TokenKind.CloseBrace)) SkipToLineEnd();
            }
            int end = value?.Span.End ?? name.Span.End;
            return new PropertyDeclaration(new TextSpan(name.Span.Start, end - name.Span.Start), name.Text, name.Span, value);
        }

        private Expression? ParseExpression()
        {
            var token = Current;
            if (_depth >= MaxNesting)
            {
                _diagnostics.Error(DiagnosticCodes.NestingTooDeep, _file, token.Span,
                    $"Values are nested more than {MaxNesting} levels deep here. Flatten the value.");
                SkipNested();
                return null;
            }
            switch (token.Kind)
            {
                case TokenKind.String:
                    Advance();
                    return new StringLiteral(token.Span, token.Value, token.Text);
                case TokenKind.Number:
                    Advance();
                    return new NumberLiteral(token.Span, token.Text);
                case TokenKind.OpenBracket:
                    return ParseArray();
                case TokenKind.Identifier:
                    Advance();
                    var name = new StringBuilder(token.Text);
                    int end = token.Span.End;
                    while (At(TokenKind.Dot) && PeekToken(1).Kind == TokenKind.Identifier)
                    {
                        Advance();
                        var part = Advance();
                        name.Append('.').Append(part.Text);
                        end = part.Span.End;
                    }
                    var nameSpan = new TextSpan(token.Span.Start, end - token.Span.Start);
                    if (At(TokenKind.OpenParen))
                    {
                        var args = ParseArgumentList();
                        return new FunctionCall(TextSpan.Cover(nameSpan, args.Span), name.ToString(), nameSpan, args);
                    }
                    return new ConstantExpression(nameSpan, name.ToString());
                default:
                    Expected("a value (a string, number, name, list or function call)", token);
                    return null;
            }
        }

        private ArrayExpression ParseArray()
        {
            var open = Advance();
            var items = new List<Expression>();
            _depth++;
            int end = open.Span.End;
            while (true)
            {
                SkipNewlines();
                if (At(TokenKind.CloseBracket))
                {
                    end = Advance().Span.End;
                    break;
                }
                if (IsListTerminator())
                {
                    Expected("`]` to close the list", Current);
                    break;
                }
                int before = _index;
                var item = ParseExpression();
                if (item != null) items.Add(item);
                SkipNewlines();
                if (At(TokenKind.Comma)) Advance();
                else if (!At(TokenKind.CloseBracket) && !IsListTerminator())
                {
                    Expected("`,` or `]`", Current);
                    if (_index == before) Advance();
                }
            }
            _depth--;
            return new ArrayExpression(new TextSpan(open.Span.Start, end - open.Span.Start), items);
        }

        private ArgumentList ParseArgumentList()
        {
            var open = Advance();
            var items = new List<Argument>();
            _depth++;
            int end = open.Span.End;
            while (true)
            {
                SkipNewlines();
                if (At(TokenKind.CloseParen))
                {
                    end = Advance().Span.End;
                    break;
                }
                if (IsListTerminator())
                {
                    Expected("`)` to close the arguments", Current);
                    break;
                }
                int before = _index;
                string? argName = null;
                TextSpan? argNameSpan = null;
                if (At(TokenKind.Identifier) && PeekToken(1).Kind == TokenKind.Colon)
                {
                    var n = Advance();
                    Advance();
                    argName = n.Text;
                    argNameSpan = n.Span;
                    SkipNewlines();
                }
                var value = ParseExpression();
                if (value != null)
                {
                    int start = argNameSpan?.Start ?? value.Span.Start;
                    items.Add(new Argument(argName, argNameSpan, value, new TextSpan(start, value.Span.End - start)));
                }
                SkipNewlines();
                if (At(TokenKind.Comma)) Advance();
                else if (!At(TokenKind.CloseParen) && !IsListTerminator())
                {
                    Expected("`,` or `)`", Current);
                    if (_index == before) Advance();
                }
            }
            _depth--;
            return new ArgumentList(new TextSpan(open.Span.Start, end - open.Span.Start), items);
        }

        /// <summary>Tokens that can never be inside a value: they end a list or argument list that lacks its closing bracket.</summary>
        private bool IsListTerminator() =>
            At(TokenKind.EndOfFile) || At(TokenKind.CloseBrace) || At(TokenKind.OpenBrace) || At(TokenKind.At) || At(TokenKind.AtAt)
            || At(TokenKind.Equals) || IsBlockStartAhead() || IsFieldLineAhead();

        /// <summary>A line that starts `name Type`: a new field, so an unclosed list on the line above ends here.</summary>
        private bool IsFieldLineAhead() =>
            At(TokenKind.Identifier) && _index > 0 && _tokens[_index - 1].Kind == TokenKind.Newline
            && PeekToken(1).Kind == TokenKind.Identifier;

        private void SkipNewlines()
        {
            while (At(TokenKind.Newline) || At(TokenKind.Comment) || At(TokenKind.DocComment)) Advance();
        }

        /// <summary>Skips a value that is nested too deeply, keeping brackets balanced.</summary>
        private void SkipNested()
        {
            int level = 0;
            while (!At(TokenKind.EndOfFile) && !At(TokenKind.CloseBrace))
            {
                var t = Current;
                if (t.Kind == TokenKind.OpenBracket || t.Kind == TokenKind.OpenParen) level++;
                else if (t.Kind == TokenKind.CloseBracket || t.Kind == TokenKind.CloseParen)
                {
                    if (level == 0) return;
                    level--;
                }
                else if (level == 0 && (t.Kind == TokenKind.Comma || t.Kind == TokenKind.Newline)) return;
                Advance();
            }
        }

        private void SkipToLineEnd()
        {
            while (!At(TokenKind.Newline) && !At(TokenKind.EndOfFile) && !At(TokenKind.CloseBrace)) Advance();
        }

        private void Expected(string what, Token found)
        {
            if (AtLineStart && found.Span.Start == Current.Span.Start)
            {
                // The line above ended early: point at its end, where the missing text belongs.
                int end = _index - 2 >= 0 ? _tokens[_index - 2].Span.End : 0;
                for (int i = _index - 1; i >= 0; i--)
                {
                    if (_tokens[i].Kind != TokenKind.Newline) { end = _tokens[i].Span.End; break; }
                }
                _diagnostics.Error(DiagnosticCodes.UnexpectedToken, _file, new TextSpan(end, 0), $"Expected {what}, found the end of the line.");
                return;
            }
            _diagnostics.Error(DiagnosticCodes.UnexpectedToken, _file, found.Span, $"Expected {what}, found {Describe(found)}.");
        }

        private static string Describe(Token token) => token.Kind switch
        {
            TokenKind.EndOfFile => "the end of the file",
            TokenKind.Newline => "the end of the line",
            TokenKind.String => "a string",
            TokenKind.Number => $"the number `{token.Text}`",
            TokenKind.Identifier => $"`{token.Text}`",
            TokenKind.Comment or TokenKind.DocComment or TokenKind.BlockComment => "a comment",
            _ => $"`{token.Text}`",
        };

        private static string? JoinDocs(List<CommentLine> docLines)
        {
            if (docLines.Count == 0) return null;
            var sb = new StringBuilder();
            for (int i = 0; i < docLines.Count; i++)
            {
                if (i > 0) sb.Append('\n');
                string text = docLines[i].Text.Substring(3);
                sb.Append(text.StartsWith(" ", System.StringComparison.Ordinal) ? text.Substring(1) : text);
            }
            return sb.ToString();
        }
    }
}
