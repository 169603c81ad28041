namespace Strata.Schema.Binding
{
    /// <summary>
    /// A small JSON syntax check for Json defaults (this project targets netstandard2.0 without
    /// System.Text.Json). Iterative over containers, so deep input cannot overflow the stack.
    /// </summary>
    internal static class JsonText
    {
        public static bool IsValid(string text)
        {
            int pos = 0;
            var stack = new System.Collections.Generic.Stack<char>();
            if (!Value(text, ref pos, stack)) return false;
            while (true)
            {
                Skip(text, ref pos);
                if (stack.Count == 0) return pos == text.Length;
                char open = stack.Peek();
                if (pos >= text.Length) return false;
                char c = text[pos];
                if ((open == '[' && c == ']') || (open == '{' && c == '}'))
                {
                    pos++;
                    stack.Pop();
                    continue;
                }
                if (c != ',') return false;
                pos++;
                if (open == '{' && !Member(text, ref pos)) return false;
                if (!Value(text, ref pos, stack)) return false;
            }
        }

        /// <summary>Reads a scalar, or opens a container (pushing it) and reads its first item.</summary>
        private static bool Value(string text, ref int pos, System.Collections.Generic.Stack<char> stack)
        {
            while (true)
            {
                Skip(text, ref pos);
                if (pos >= text.Length) return false;
                char c = text[pos];
                if (c == '[' || c == '{')
                {
                    pos++;
                    stack.Push(c);
                    Skip(text, ref pos);
                    if (pos < text.Length && text[pos] == (c == '[' ? ']' : '}'))
                    {
                        pos++;
                        stack.Pop();
                        return true;
                    }
                    if (c == '{' && !Member(text, ref pos)) return false;
                    continue;
                }
                if (c == '"') return String(text, ref pos);
                if (c == '-' || (c >= '0' && c <= '9')) return Number(text, ref pos);
                foreach (var word in new[] { "true", "false", "null" })
                {
                    if (string.CompareOrdinal(text, pos, word, 0, word.Length) == 0)
                    {
                        pos += word.Length;
                        return true;
                    }
                }
                return false;
            }
        }

        private static bool Member(string text, ref int pos)
        {
            Skip(text, ref pos);
            if (pos >= text.Length || text[pos] != '"' || !String(text, ref pos)) return false;
            Skip(text, ref pos);
            if (pos >= text.Length || text[pos] != ':') return false;
            pos++;
            return true;
        }

        private static bool String(string text, ref int pos)
        {
            pos++;
            while (pos < text.Length)
            {
                char c = text[pos++];
                if (c == '"') return true;
                if (c < ' ') return false;
                if (c == '\\')
                {
                    if (pos >= text.Length) return false;
                    char e = text[pos++];
                    if (e == 'u')
                    {
                        for (int i = 0; i < 4; i++)
                        {
                            if (pos >= text.Length || !Uri.IsHexDigit(text[pos])) return false;
                            pos++;
                        }
                    }
                    else if ("\"\\/bfnrt".IndexOf(e) < 0) return false;
                }
            }
            return false;
        }

        private static bool Number(string text, ref int pos)
        {
            int start = pos;
            if (text[pos] == '-') pos++;
            int digits = pos;
            while (pos < text.Length && char.IsDigit(text[pos])) pos++;
            if (pos == digits) return false;
            if (pos < text.Length && text[pos] == '.')
            {
                pos++;
                int frac = pos;
                while (pos < text.Length && char.IsDigit(text[pos])) pos++;
                if (pos == frac) return false;
            }
            if (pos < text.Length && (text[pos] == 'e' || text[pos] == 'E'))
            {
                pos++;
                if (pos < text.Length && (text[pos] == '+' || text[pos] == '-')) pos++;
                int exp = pos;
                while (pos < text.Length && char.IsDigit(text[pos])) pos++;
                if (pos == exp) return false;
            }
            return pos > start;
        }

        private static void Skip(string text, ref int pos)
        {
            while (pos < text.Length && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r')) pos++;
        }

        private static class Uri
        {
            public static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }
    }
}
