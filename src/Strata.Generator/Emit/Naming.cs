using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Strata.Generator.Emit
{
    /// <summary>C# names for schema names: PascalCase members, plural table accessors, string literals.</summary>
    internal static class Naming
    {
        /// <summary><c>created_at</c>, <c>createdAt</c> → <c>CreatedAt</c>; <c>IN_PROGRESS</c> → <c>InProgress</c>.</summary>
        public static string Pascal(string name)
        {
            var sb = new StringBuilder();
            foreach (var part in name.Split(new[] { '_', '-', ' ' }, System.StringSplitOptions.RemoveEmptyEntries))
            {
                bool allUpper = part.Length > 1 && part.ToUpperInvariant() == part && part.ToLowerInvariant() != part;
                var rest = allUpper ? part.Substring(1).ToLowerInvariant() : part.Substring(1);
                sb.Append(char.ToUpperInvariant(part[0])).Append(rest);
            }
            var result = sb.Length == 0 ? "_" : sb.ToString();
            if (char.IsDigit(result[0])) result = "_" + result;
            return Identifier(result);
        }

        /// <summary>A plural for table accessors: <c>User</c> → <c>Users</c>, <c>Category</c> → <c>Categories</c>.</summary>
        public static string Plural(string name)
        {
            if (name.EndsWith("y", System.StringComparison.Ordinal) && name.Length > 1 && "aeiou".IndexOf(char.ToLowerInvariant(name[name.Length - 2])) < 0)
                return name.Substring(0, name.Length - 1) + "ies";
            if (name.EndsWith("s", System.StringComparison.Ordinal) || name.EndsWith("x", System.StringComparison.Ordinal)
                || name.EndsWith("ch", System.StringComparison.Ordinal) || name.EndsWith("sh", System.StringComparison.Ordinal))
                return name + "es";
            return name + "s";
        }

        /// <summary>Escapes C# keywords with <c>@</c>.</summary>
        public static string Identifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.VarKeyword ? "@" + name : name;

        /// <summary>A C# string literal.</summary>
        public static string Literal(string text)
        {
            var sb = new StringBuilder("\"");
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\0': sb.Append("\\0"); break;
                    default:
                        if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            return sb.Append('"').ToString();
        }

        /// <summary>Gives each name a unique spelling in one scope, avoiding the reserved names it starts with.</summary>
        public sealed class Scope
        {
            private readonly HashSet<string> _used;

            public Scope(params string[] reserved) => _used = new HashSet<string>(reserved, System.StringComparer.Ordinal);

            public string Claim(string wanted)
            {
                var name = wanted;
                for (int i = 2; !_used.Add(name); i++) name = wanted + (wanted.EndsWith("_", System.StringComparison.Ordinal) ? "" : "_") + i.ToString(CultureInfo.InvariantCulture);
                return name;
            }
        }
    }
}
