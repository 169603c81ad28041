using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Diagnostics;
using Strata.Schema.Syntax;
using Strata.Schema.Text;

namespace Strata.Schema.Binding
{
    /// <summary>
    /// Matches an attribute's arguments against the parameters it takes: at most one unnamed
    /// argument (bound to <c>positional</c>), named ones from a fixed list, none twice.
    /// </summary>
    internal sealed class AttributeArguments
    {
        private readonly Dictionary<string, Argument> _values = new Dictionary<string, Argument>();
        private readonly BindContext _context;
        private readonly SourceFile _file;
        private readonly AttributeSyntax _attribute;

        private AttributeArguments(BindContext context, SourceFile file, AttributeSyntax attribute)
        {
            _context = context;
            _file = file;
            _attribute = attribute;
        }

        public static AttributeArguments Match(BindContext context, SourceFile file, AttributeSyntax attribute, string? positional, params string[] named)
        {
            var result = new AttributeArguments(context, file, attribute);
            bool positionalTaken = false;
            foreach (var argument in attribute.ArgumentItems)
            {
                string? name = argument.Name;
                if (name == null)
                {
                    if (positional == null || positionalTaken)
                    {
                        string takes = positional == null
                            ? (named.Length == 0 ? "takes no arguments" : $"takes only named arguments ({string.Join(", ", named.Select(n => n + ":"))})")
                            : $"takes one unnamed argument ({positional}); name the others";
                        context.Error(DiagnosticCodes.UnknownArgument, file, argument.Span, $"`{attribute.DisplayName}` {takes}.");
                        continue;
                    }
                    positionalTaken = true;
                    name = positional;
                }
                else if (name != positional && !named.Contains(name))
                {
                    var all = (positional != null ? new[] { positional } : new string[0]).Concat(named).ToList();
                    string hint = all.Count == 0 ? "It takes no arguments." : $"It takes: {string.Join(", ", all.Select(n => n + ":"))}.";
                    context.Error(DiagnosticCodes.UnknownArgument, file, argument.NameSpan ?? argument.Span,
                        $"`{attribute.DisplayName}` has no argument `{name}`. {hint}");
                    continue;
                }
                if (result._values.ContainsKey(name))
                {
                    context.Error(DiagnosticCodes.DuplicateArgument, file, argument.Span,
                        $"The argument `{name}` is given twice in `{attribute.DisplayName}`. Keep one.");
                    continue;
                }
                result._values[name] = argument;
            }
            return result;
        }

        public Expression? Get(string name) => _values.TryGetValue(name, out var a) ? a.Value : null;

        public bool Has(string name) => _values.ContainsKey(name);

        /// <summary>The argument, or an error that it is missing.</summary>
        public Expression? Require(string name, string example)
        {
            var value = Get(name);
            if (value == null)
            {
                _context.Error(DiagnosticCodes.MissingArgument, _file, _attribute.Span,
                    $"`{_attribute.DisplayName}` needs the argument `{name}`, as in `{example}`.");
            }
            return value;
        }

        /// <summary>A string argument's value; reports an error for any other kind of value.</summary>
        public string? GetString(string name)
        {
            var value = Get(name);
            if (value == null) return null;
            if (value is StringLiteral s) return s.Value;
            _context.Error(DiagnosticCodes.InvalidArgument, _file, value.Span,
                $"The argument `{name}` of `{_attribute.DisplayName}` must be a string, not {value.Describe()}.");
            return null;
        }

        /// <summary>A bare-name argument (<c>Cascade</c>, <c>Hash</c>) checked against its allowed values.</summary>
        public string? GetConstant(string name, params string[] allowed)
        {
            var value = Get(name);
            if (value == null) return null;
            if (value is ConstantExpression c && allowed.Contains(c.Name)) return c.Name;
            _context.Error(DiagnosticCodes.InvalidArgument, _file, value.Span,
                $"The argument `{name}` of `{_attribute.DisplayName}` must be one of {string.Join(", ", allowed)}; found {value.Describe()}.");
            return null;
        }
    }
}
