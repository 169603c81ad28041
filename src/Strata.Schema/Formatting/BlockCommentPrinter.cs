using System.Collections.Generic;
using System.Text;

namespace Strata.Schema.Formatting
{
    /// <summary>
    /// Prints a <c>/* ... */</c> comment that stands on its own line the way Prisma's formatter does:
    /// as a <c>/**</c> block with one <c> * </c> line per non-empty line of text, so that
    /// <c>/* note */</c> becomes three lines and formatting the result again changes nothing.
    /// </summary>
    internal static class BlockCommentPrinter
    {
        public static void Write(StringBuilder output, string indent, string comment)
        {
            output.Append(indent).Append("/**\n");
            foreach (var line in ContentLines(comment)) output.Append(indent).Append(" * ").Append(line).Append('\n');
            output.Append(indent).Append(" */\n");
        }

        /// <summary>The text between the markers, line by line, without the leading <c>*</c> of a JSDoc-style body.</summary>
        private static IEnumerable<string> ContentLines(string comment)
        {
            string inner = comment.Substring(2, comment.Length - 4);
            if (inner.StartsWith("*", System.StringComparison.Ordinal)) inner = inner.Substring(1);
            bool first = true;
            foreach (var raw in inner.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
            {
                string line = raw.Trim();
                if (!first && line.StartsWith("*", System.StringComparison.Ordinal)) line = line.Substring(1).Trim();
                first = false;
                if (line.Length > 0) yield return line;
            }
        }
    }
}
