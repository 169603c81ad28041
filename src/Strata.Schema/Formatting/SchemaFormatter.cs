using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Strata.Schema.Syntax;

namespace Strata.Schema.Formatting
{
    /// <summary>
    /// Prints a schema in Prisma's canonical layout: two-space indentation; field names, types and
    /// attributes aligned in columns within each group of lines (a blank line starts a new group);
    /// block attributes last, after one blank line; one blank line between blocks; every comment
    /// kept, moved where Prisma's formatter moves it. Formatting formatted text changes nothing,
    /// except after a comment that followed a block's `}`, which gets a blank line above it on the
    /// second run, as with Prisma's formatter.
    /// </summary>
    public static class SchemaFormatter
    {
        private const string Indent = "  ";

        /// <summary>Formats a parsed file. The file must have no syntax errors (its text would be lost).</summary>
        public static string Format(SchemaDocument document)
        {
            var output = new StringBuilder();
            SyntaxItem? previous = null;
            bool pendingBlank = false;
            foreach (var item in document.Items)
            {
                if (item is BlankLine)
                {
                    pendingBlank = previous != null;
                    continue;
                }
                // A block is followed by a blank line, unless a comment after its `}` was printed on
                // the next line: then, as with any comment line, only a blank line in the text.
                bool blank = previous != null && (pendingBlank || previous is BlockDeclaration { TrailingComment: null });
                if (blank) output.Append('\n');
                pendingBlank = false;
                if (item is CommentLine comment) WriteComment(output, string.Empty, comment);
                else if (item is BlockDeclaration block) WriteBlock(output, block);
                previous = item;
            }
            return output.ToString();
        }

        /// <summary>Parses and formats one text; null when it has syntax errors.</summary>
        public static string? FormatText(string text, string path = "schema.prisma")
        {
            var (document, diagnostics) = Parser.Parse(new Text.SourceFile(path, text));
            return diagnostics.Any(d => d.IsError) ? null : Format(document);
        }

        private static void WriteBlock(StringBuilder output, BlockDeclaration block)
        {
            output.Append(BlockDeclaration.Keyword(block.Kind)).Append(' ').Append(block.Name).Append(" {");
            if (block.HeaderComment != null) output.Append(' ').Append(block.HeaderComment);
            output.Append('\n');

            var (body, attributes) = SplitSections(block.Members);
            WriteSection(output, body);
            if (body.Count > 0 && attributes.Count > 0) output.Append('\n');
            WriteSection(output, SortAttributes(attributes));

            output.Append("}\n");
            // Prisma's formatter moves a comment written after `}` to the line below it.
            if (block.TrailingComment != null) WriteComment(output, string.Empty, new CommentLine(block.Span, block.TrailingComment));
        }

        /// <summary>
        /// Splits members into the body (fields, enum values, properties) and the block attributes, as
        /// Prisma's formatter does: the comment lines directly above a block attribute, and the blank
        /// lines before them, move with it; every other comment and blank line stays in the body, in
        /// its place, also the comments after the last block attribute.
        /// </summary>
        private static (List<SyntaxItem> Body, List<SyntaxItem> Attributes) SplitSections(IReadOnlyList<SyntaxItem> members)
        {
            var body = new List<SyntaxItem>();
            var attributes = new List<SyntaxItem>();
            // The comments and blank lines since the last element; they belong to the next one.
            var pending = new List<SyntaxItem>();
            foreach (var member in members)
            {
                switch (member)
                {
                    case CommentLine:
                        pending.Add(member);
                        continue;
                    case BlankLine:
                        // A blank line parts the comments before it from the next element.
                        if (pending.Any(p => p is CommentLine))
                        {
                            body.AddRange(pending);
                            pending.Clear();
                        }
                        pending.Add(member);
                        continue;
                }
                var section = member is AttributeSyntax ? attributes : body;
                section.AddRange(pending);
                pending.Clear();
                section.Add(member);
            }
            body.AddRange(pending);
            return (Trim(body), Trim(attributes));
        }

        /// <summary>The order Prisma's formatter gives block attributes; others follow, as written.</summary>
        private static readonly string[] AttributeOrder = ["id", "unique", "index", "fulltext", "map", "ignore", "schema"];

        /// <summary>
        /// Block attributes in Prisma's order (each kind keeping its written order), with the comment
        /// lines above each one moving with it and no blank lines between them, as `prisma format` does.
        /// </summary>
        private static List<SyntaxItem> SortAttributes(List<SyntaxItem> items)
        {
            var units = new List<(int Rank, List<SyntaxItem> Items)>();
            var pending = new List<SyntaxItem>();
            foreach (var item in items)
            {
                if (item is BlankLine) continue;
                pending.Add(item);
                if (item is not AttributeSyntax attribute) continue;
                var rank = Array.IndexOf(AttributeOrder, attribute.Name);
                units.Add((rank < 0 ? AttributeOrder.Length : rank, pending));
                pending = new List<SyntaxItem>();
            }
            // OrderBy is stable: attributes of one kind keep the order they were written in.
            var sorted = units.OrderBy(u => u.Rank).SelectMany(u => u.Items).ToList();
            sorted.AddRange(pending);
            return sorted;
        }

        /// <summary>Drops blank lines at the ends and repeated blank lines.</summary>
        private static List<SyntaxItem> Trim(List<SyntaxItem> items)
        {
            var result = new List<SyntaxItem>();
            foreach (var item in items)
            {
                if (item is BlankLine && (result.Count == 0 || result[result.Count - 1] is BlankLine)) continue;
                result.Add(item);
            }
            while (result.Count > 0 && result[result.Count - 1] is BlankLine) result.RemoveAt(result.Count - 1);
            return result;
        }

        private static void WriteSection(StringBuilder output, List<SyntaxItem> items)
        {
            int start = 0;
            for (int i = 0; i <= items.Count; i++)
            {
                if (i < items.Count && !(items[i] is BlankLine)) continue;
                WriteGroup(output, items.GetRange(start, i - start));
                if (i < items.Count) output.Append('\n');
                start = i + 1;
            }
        }

        /// <summary>Writes lines that align with each other: each element becomes a row of cells.</summary>
        private static void WriteGroup(StringBuilder output, List<SyntaxItem> group)
        {
            if (group.Count == 0) return;
            var rows = group.Select(item => (Item: item, Cells: Cells(item))).ToList();
            int columns = rows.Max(r => r.Cells?.Length ?? 0);
            var widths = new int[columns];
            foreach (var (_, cells) in rows)
            {
                if (cells == null) continue;
                for (int c = 0; c < cells.Length; c++) widths[c] = Math.Max(widths[c], Width(cells[c]));
            }
            foreach (var (item, cells) in rows)
            {
                if (cells == null)
                {
                    WriteComment(output, Indent, (CommentLine)item);
                    continue;
                }
                output.Append(Indent);
                var line = new StringBuilder();
                // The last cell of a row is not padded, so lines never end in spaces.
                for (int c = 0; c < cells.Length; c++)
                {
                    line.Append(cells[c]);
                    if (c < cells.Length - 1) line.Append(' ', widths[c] - Width(cells[c]) + 1);
                }
                if (item.TrailingComment != null) line.Append(' ').Append(item.TrailingComment);
                output.Append(line.ToString().TrimEnd()).Append('\n');
            }
        }

        /// <summary>
        /// A cell's width as Prisma's formatter counts it: in UTF-8 bytes, so that a column after a
        /// name such as `ñame` lines up exactly where Prisma puts it.
        /// </summary>
        private static int Width(string cell) => Encoding.UTF8.GetByteCount(cell);

        private static void WriteComment(StringBuilder output, string indent, CommentLine comment)
        {
            if (comment.IsBlock) BlockCommentPrinter.Write(output, indent, comment.Text);
            else output.Append(indent).Append(comment.Text).Append('\n');
        }

        /// <summary>The aligned cells of a line: name, type and attributes for fields; name, "=" and value for properties.</summary>
        private static string[]? Cells(SyntaxItem item) => item switch
        {
            FieldDeclaration f => WithAttributes(new[] { f.Name, f.Type == null ? string.Empty : ExpressionPrinter.Print(f.Type) }, f.Attributes),
            EnumValueDeclaration v => WithAttributes(new[] { v.Name }, v.Attributes),
            PropertyDeclaration p => new[] { p.Name, "=", ExpressionPrinter.Print(p.Value) },
            AttributeSyntax a => new[] { ExpressionPrinter.Print(a) },
            _ => null,
        };

        private static string[] WithAttributes(string[] head, IReadOnlyList<AttributeSyntax> attributes) =>
            attributes.Count == 0 ? head : head.Concat(new[] { string.Join(" ", attributes.Select(ExpressionPrinter.Print)) }).ToArray();
    }
}
