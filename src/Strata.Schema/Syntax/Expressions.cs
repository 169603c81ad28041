using System.Collections.Generic;
using System.Globalization;
using Strata.Schema.Text;

namespace Strata.Schema.Syntax
{
    /// <summary>A value in the schema: a literal, a constant, an array or a function call.</summary>
    public abstract class Expression
    {
        private protected Expression(TextSpan span) => Span = span;

        /// <summary>Where the value is written.</summary>
        public TextSpan Span { get; }

        /// <summary>A short name for this kind of value, for messages ("a string", "a number"...).</summary>
        public abstract string Describe();
    }

    /// <summary>A quoted string; <see cref="Value"/> is unescaped, <see cref="RawText"/> is as written.</summary>
    public sealed class StringLiteral : Expression
    {
        internal StringLiteral(TextSpan span, string value, string rawText) : base(span)
        {
            Value = value;
            RawText = rawText;
        }

        /// <summary>The unescaped value.</summary>
        public string Value { get; }

        /// <summary>The literal as written, with its quotes and escapes.</summary>
        public string RawText { get; }

        /// <inheritdoc />
        public override string Describe() => "a string";
    }

    /// <summary>A number as written (integer or decimal).</summary>
    public sealed class NumberLiteral : Expression
    {
        internal NumberLiteral(TextSpan span, string text) : base(span) => Text = text;

        /// <summary>The digits as written.</summary>
        public string Text { get; }

        /// <summary>True when the number has no fraction or exponent.</summary>
        public bool IsInteger => Text.IndexOf('.') < 0 && Text.IndexOf('e') < 0 && Text.IndexOf('E') < 0;

        /// <summary>The value as a 64-bit integer, when it is one that fits.</summary>
        public bool TryGetInt64(out long value) =>
            long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

        /// <inheritdoc />
        public override string Describe() => IsInteger ? "an integer" : "a number";
    }

    /// <summary>A bare name: <c>true</c>, <c>Cascade</c>, <c>Desc</c>, a field name, an enum value or a dotted path.</summary>
    public sealed class ConstantExpression : Expression
    {
        internal ConstantExpression(TextSpan span, string name) : base(span) => Name = name;

        /// <summary>The name as written (dotted paths keep their dots).</summary>
        public string Name { get; }

        /// <summary>True for <c>true</c> and <c>false</c>.</summary>
        public bool IsBoolean => Name == "true" || Name == "false";

        /// <inheritdoc />
        public override string Describe() => IsBoolean ? "a boolean" : $"the name `{Name}`";
    }

    /// <summary><c>[a, b, c]</c>.</summary>
    public sealed class ArrayExpression : Expression
    {
        internal ArrayExpression(TextSpan span, IReadOnlyList<Expression> items) : base(span) => Items = items;

        /// <summary>The items in order.</summary>
        public IReadOnlyList<Expression> Items { get; }

        /// <inheritdoc />
        public override string Describe() => "a list";
    }

    /// <summary><c>name(args)</c>: a function such as <c>now()</c>, <c>env("X")</c>, or a field with arguments such as <c>title(sort: Desc)</c>.</summary>
    public sealed class FunctionCall : Expression
    {
        internal FunctionCall(TextSpan span, string name, TextSpan nameSpan, ArgumentList arguments) : base(span)
        {
            Name = name;
            NameSpan = nameSpan;
            Arguments = arguments;
        }

        /// <summary>The function name.</summary>
        public string Name { get; }

        /// <summary>Where the name is written.</summary>
        public TextSpan NameSpan { get; }

        /// <summary>The arguments.</summary>
        public ArgumentList Arguments { get; }

        /// <inheritdoc />
        public override string Describe() => $"the function `{Name}()`";
    }

    /// <summary>One argument: positional (<see cref="Name"/> is null) or named (<c>name: value</c>).</summary>
    public sealed class Argument
    {
        internal Argument(string? name, TextSpan? nameSpan, Expression value, TextSpan span)
        {
            Name = name;
            NameSpan = nameSpan;
            Value = value;
            Span = span;
        }

        /// <summary>The argument's name, or null when positional.</summary>
        public string? Name { get; }

        /// <summary>Where the name is written.</summary>
        public TextSpan? NameSpan { get; }

        /// <summary>The value.</summary>
        public Expression Value { get; }

        /// <summary>The whole argument.</summary>
        public TextSpan Span { get; }
    }

    /// <summary>The parenthesised argument list of an attribute or function.</summary>
    public sealed class ArgumentList
    {
        internal ArgumentList(TextSpan span, IReadOnlyList<Argument> items)
        {
            Span = span;
            Items = items;
        }

        /// <summary>The list including its parentheses.</summary>
        public TextSpan Span { get; }

        /// <summary>The arguments in order.</summary>
        public IReadOnlyList<Argument> Items { get; }
    }
}
