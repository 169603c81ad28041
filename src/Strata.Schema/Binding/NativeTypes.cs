using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Diagnostics;
using Strata.Schema.Semantics;
using Strata.Schema.Syntax;
using Strata.Schema.Text;

namespace Strata.Schema.Binding
{
    /// <summary>
    /// Checks native type attributes (<c>@db.X</c>) against the provider's types
    /// (<see cref="NativeTypeSpecs"/>): the type exists, fits the field's scalar type, and its
    /// arguments are in range. SQLite has none, as in Prisma.
    /// </summary>
    internal static class NativeTypes
    {
        public static NativeTypeDefinition? Bind(BindContext context, SourceFile file, FieldDefinition field, AttributeSyntax attribute, string typeName)
        {
            var location = file.GetLocation(attribute.Span);
            var args = attribute.ArgumentItems;
            var written = new NativeTypeDefinition(typeName, args.Select(a => file.Text.Substring(a.Span.Start, a.Span.Length)).ToList());
            Dictionary<string, NativeTypeSpec> types;
            switch (context.Provider)
            {
                case ProviderKind.Unsupported:
                    return written; // provider-specific checks need a provider Strata knows
                case ProviderKind.Sqlite:
                    context.Error(DiagnosticCodes.UnknownNativeType, location,
                        $"SQLite has no native type attributes, so `{attribute.DisplayName}` cannot be used. Remove it: the field's type decides the column type.");
                    return null;
                case ProviderKind.MySql:
                    types = NativeTypeSpecs.MySql;
                    break;
                default:
                    types = NativeTypeSpecs.Postgres;
                    break;
            }
            string provider = BindContext.ProviderName(context.Provider);

            if (!types.TryGetValue(typeName, out var spec))
            {
                var near = types.Keys.FirstOrDefault(k => EditDistance.Within(k.ToLowerInvariant(), typeName.ToLowerInvariant(), 2));
                context.Error(DiagnosticCodes.UnknownNativeType, file.GetLocation(attribute.NameSpan),
                    $"{provider} has no native type `{typeName}`{(near != null ? $"; did you mean `{near}`" : string.Empty)}. Known types: {string.Join(", ", types.Keys)}.");
                return null;
            }
            if (field.Kind != FieldKind.Scalar)
            {
                context.Error(DiagnosticCodes.NativeTypeMismatch, location,
                    $"Native types apply to scalar fields only; `{field.Name}` is of type `{field.TypeName}`.");
                return null;
            }
            if (!spec.Scalars.Contains(field.ScalarType!.Value))
            {
                var fits = string.Join(", ", types.Where(t => t.Value.Scalars.Contains(field.ScalarType.Value)).Select(t => "@" + context.NativePrefix + "." + t.Key));
                context.Error(DiagnosticCodes.NativeTypeMismatch, location,
                    $"The native type `{typeName}` is for {string.Join(" or ", spec.Scalars)} fields, but `{field.Name}` is {field.ScalarType}. For {field.ScalarType} use one of: {fits}.");
                return null;
            }
            var values = ReadArguments(context, file, attribute, typeName, spec, args);
            if (values == null) return null;
            bool inRange = context.Provider == ProviderKind.MySql
                ? MySqlRanges.Check(context, file.GetLocation(attribute.Span), attribute.DisplayName, typeName, values, field.ScalarType.Value)
                : CheckPostgresRange(context, file, attribute, typeName, args, values);
            return inRange ? written : null;
        }

        /// <summary>The arguments as numbers, or null (with the error reported) when their count or form is wrong.</summary>
        private static List<long>? ReadArguments(BindContext context, SourceFile file, AttributeSyntax attribute, string typeName, NativeTypeSpec spec, IReadOnlyList<Argument> args)
        {
            string usage = spec.Arguments switch
            {
                NativeArgs.None => $"@{context.NativePrefix}.{typeName}",
                NativeArgs.OptionalInt or NativeArgs.RequiredInt => $"@{context.NativePrefix}.{typeName}(n)",
                _ => $"@{context.NativePrefix}.{typeName}(precision, scale)",
            };
            bool countOk = spec.Arguments switch
            {
                NativeArgs.None => args.Count == 0,
                NativeArgs.OptionalInt => args.Count <= 1,
                NativeArgs.RequiredInt => args.Count == 1,
                _ => args.Count == 0 || args.Count == 2,
            };
            if (!countOk)
            {
                string takes = spec.Arguments switch
                {
                    NativeArgs.None => "no arguments",
                    NativeArgs.OptionalInt => "at most one argument",
                    NativeArgs.RequiredInt => "exactly one argument, the length",
                    _ => "no arguments or two",
                };
                context.Error(DiagnosticCodes.InvalidNativeTypeArguments, file.GetLocation(attribute.Arguments?.Span ?? attribute.Span),
                    $"`{attribute.DisplayName}` takes {takes}. Write it as `{usage}`.");
                return null;
            }
            var values = new List<long>();
            foreach (var arg in args)
            {
                if (arg.Name != null || !(arg.Value is NumberLiteral n) || !n.IsInteger || !n.TryGetInt64(out long v) || v < 0 || v > int.MaxValue)
                {
                    context.Error(DiagnosticCodes.InvalidNativeTypeArguments, file.GetLocation(arg.Span),
                        $"The arguments of `{attribute.DisplayName}` are non-negative whole numbers, as in `{usage}`.");
                    return null;
                }
                values.Add(v);
            }
            return values;
        }

        private static bool CheckPostgresRange(BindContext context, SourceFile file, AttributeSyntax attribute, string typeName, IReadOnlyList<Argument> args, List<long> values)
        {
            bool isTime = typeName == "Timestamp" || typeName == "Timestamptz" || typeName == "Time" || typeName == "Timetz";
            if (!isTime || values.Count == 0 || values[0] <= 6) return true;
            context.Error(DiagnosticCodes.InvalidNativeTypeArguments, file.GetLocation(args[0].Span),
                $"PostgreSQL keeps at most 6 fractional digits of seconds; use a precision from 0 to 6 in `{attribute.DisplayName}`.");
            return false;
        }
    }
}
