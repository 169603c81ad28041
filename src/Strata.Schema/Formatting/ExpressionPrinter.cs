using System.Linq;
using System.Text;
using Strata.Schema.Syntax;

namespace Strata.Schema.Formatting
{
    /// <summary>Prints values, attributes and field types in canonical form: no inner padding, <c>", "</c> between items.</summary>
    internal static class ExpressionPrinter
    {
        public static string Print(Expression? expression)
        {
            var sb = new StringBuilder();
            Append(sb, expression);
            return sb.ToString();
        }

        public static string Print(AttributeSyntax attribute)
        {
            var sb = new StringBuilder(attribute.DisplayName);
            if (attribute.Arguments != null) AppendArguments(sb, attribute.Arguments);
            return sb.ToString();
        }

        public static string Print(FieldTypeSyntax type)
        {
            var sb = new StringBuilder(type.Name);
            if (type.Arguments != null) AppendArguments(sb, type.Arguments);
            if (type.IsList) sb.Append("[]");
            if (type.IsOptional) sb.Append('?');
            return sb.ToString();
        }

        private static void Append(StringBuilder sb, Expression? expression)
        {
            switch (expression)
            {
                case StringLiteral s: sb.Append(s.RawText); break;
                case NumberLiteral n: sb.Append(n.Text); break;
                case ConstantExpression c: sb.Append(c.Name); break;
                case ArrayExpression a:
                    sb.Append('[');
                    for (int i = 0; i < a.Items.Count; i++)
                    {
                        if (i > 0) sb.Append(", ");
                        Append(sb, a.Items[i]);
                    }
                    sb.Append(']');
                    break;
                case FunctionCall f:
                    sb.Append(f.Name);
                    AppendArguments(sb, f.Arguments);
                    break;
            }
        }

        private static void AppendArguments(StringBuilder sb, ArgumentList arguments)
        {
            sb.Append('(');
            var items = arguments.Items.ToList();
            for (int i = 0; i < items.Count; i++)
            {
                if (i > 0) sb.Append(", ");
                if (items[i].Name != null) sb.Append(items[i].Name).Append(": ");
                Append(sb, items[i].Value);
            }
            sb.Append(')');
        }
    }
}
