using System;
using System.Collections.Generic;

namespace Strata.Schema.Text
{
    /// <summary>The text of one schema file and its path, with a line index for locating spans.</summary>
    public sealed class SourceFile
    {
        private readonly int[] _lineStarts;

        /// <summary>Creates a source file from its path (as it should be shown to users) and text.</summary>
        public SourceFile(string path, string text)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Text = text ?? throw new ArgumentNullException(nameof(text));
            _lineStarts = ComputeLineStarts(text);
        }

        /// <summary>The path shown in diagnostics.</summary>
        public string Path { get; }

        /// <summary>The whole text.</summary>
        public string Text { get; }

        /// <summary>Number of lines (a final line without a newline counts).</summary>
        public int LineCount => _lineStarts.Length;

        /// <summary>The 1-based line and column of an offset.</summary>
        public (int Line, int Column) GetLineColumn(int offset)
        {
            if (offset < 0) offset = 0;
            if (offset > Text.Length) offset = Text.Length;
            int index = Array.BinarySearch(_lineStarts, offset);
            if (index < 0) index = ~index - 1;
            return (index + 1, offset - _lineStarts[index] + 1);
        }

        /// <summary>The text of a 1-based line, without its line break.</summary>
        public string GetLineText(int line)
        {
            var span = GetLineSpan(line);
            return Text.Substring(span.Start, span.Length);
        }

        /// <summary>
        /// Where a 1-based line is in <see cref="Text"/>, without its line break; empty for a line that
        /// does not exist. Lets a caller show part of a very long line without copying all of it.
        /// </summary>
        public TextSpan GetLineSpan(int line)
        {
            if (line < 1 || line > _lineStarts.Length) return new TextSpan(Text.Length, 0);
            int start = _lineStarts[line - 1];
            int end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
            while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r')) end--;
            return new TextSpan(start, end - start);
        }

        /// <summary>The location of a span in this file.</summary>
        public SourceLocation GetLocation(TextSpan span)
        {
            var (line, column) = GetLineColumn(span.Start);
            return new SourceLocation(Path, line, column, span.Length, span);
        }

        private static int[] ComputeLineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
                if (c == '\n' || c == '\r') starts.Add(i + 1);
            }
            return starts.ToArray();
        }
    }
}
