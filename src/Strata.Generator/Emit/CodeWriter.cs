using System.Text;

namespace Strata.Generator.Emit
{
    /// <summary>Writes indented C# text.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _text = new StringBuilder();
        private int _indent;

        public CodeWriter Line(string line = "")
        {
            if (line.Length > 0) _text.Append(' ', _indent * 4).Append(line);
            _text.Append('\n');
            return this;
        }

        public CodeWriter Open(string line)
        {
            Line(line);
            Line("{");
            _indent++;
            return this;
        }

        public CodeWriter Close(string suffix = "")
        {
            _indent--;
            return Line("}" + suffix);
        }

        /// <summary>Writes <paramref name="documentation"/> as an XML doc summary, escaped.</summary>
        public CodeWriter Doc(string? documentation)
        {
            if (string.IsNullOrWhiteSpace(documentation)) return this;
            Line("/// <summary>");
            foreach (var line in documentation!.Replace("\r", "").Split('\n'))
                Line("/// " + Escape(line.Trim()));
            return Line("/// </summary>");
        }

        public CodeWriter Summary(string text) => Line("/// <summary>" + Escape(text) + "</summary>");

        public override string ToString() => _text.ToString();

        public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
