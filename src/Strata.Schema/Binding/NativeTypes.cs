using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Diagnostics;
using Strata.Schema.Semantics;
using Strata.Schema.Syntax;
using Strata.Schema.Text;

namespace Strata.Schema.Binding
{
    /// <summary>
    /// The native type attributes (<c>@db.X</c>) each provider has, which scalar type each fits,
    /// and the arguments each takes. SQLite has none, as in Prisma.
    /// </summary>
    internal static class NativeTypes
    {
        private enum Args
        {
            None,
            OptionalInt,
            OptionalPrecisionScale,
        }

        private sealed class Spec
        {
            public Spec(ScalarType scalar, Args args)
            {
                Scalar = scalar;
                Arguments = args;
            }

            public ScalarType Scalar { get; }

            public Args Arguments { get; }
        }

        private static readonly Dictionary<string, Spec> Postgres = new Dictionary<string, Spec>
        {
            ["Text"] = new Spec(ScalarType.String, Args.None),
            ["Char"] = new Spec(ScalarType.String, Args.OptionalInt),
            ["VarChar"] = new Spec(ScalarType.String, Args.OptionalInt),
            ["Bit"] = new Spec(ScalarType.String, Args.OptionalInt),
            ["VarBit"] = new Spec(ScalarType.String, Args.OptionalInt),
            ["Uuid"] = new Spec(ScalarType.String, Args.None),
            ["Xml"] = new Spec(ScalarType.String, Args.None),
            ["Inet"] = new Spec(ScalarType.String, Args.None),
            ["Citext"] = new Spec(ScalarType.String, Args.None),
            ["Boolean"] = new Spec(ScalarType.Boolean, Args.None),
            ["Integer"] = new Spec(ScalarType.Int, Args.None),
            ["SmallInt"] = new Spec(ScalarType.Int, Args.None),
            ["Oid"] = new Spec(ScalarType.Int, Args.None),
            ["BigInt"] = new Spec(ScalarType.BigInt, Args.None),
            ["DoublePrecision"] = new Spec(ScalarType.Float, Args.None),
            ["Real"] = new Spec(ScalarType.Float, Args.None),
            ["Decimal"] = new Spec(ScalarType.Decimal, Args.OptionalPrecisionScale),
            ["Money"] = new Spec(ScalarType.Decimal, Args.None),
            ["Timestamp"] = new Spec(ScalarType.DateTime, Args.OptionalInt),
            ["Timestamptz"] = new Spec(ScalarType.DateTime, Args.OptionalInt),
            ["Date"] = new Spec(ScalarType.DateTime, Args.None),
            ["Time"] = new Spec(ScalarType.DateTime, Args.OptionalInt),
            ["Timetz"] = new Spec(ScalarType.DateTime, Args.OptionalInt),
            ["Json"] = new Spec(ScalarType.Json, Args.None),
            ["JsonB"] = new Spec(ScalarType.Json, Args.None),
            ["ByteA"] = new Spec(ScalarType.Bytes, Args.None),
        };

        /// <summary>The PostgreSQL native types that fit a scalar type, for hints.</summary>
        public static IEnumerable<string> PostgresTypesFor(ScalarType scalar) =>
            Postgres.Where(p => p.Value.Scalar == scalar).Select(p => p.Key);

        public static NativeTypeDefinition? Bind(BindContext context, SourceFile file, FieldDefinition field, AttributeSyntax attribute, string typeName)
        {
            var location = file.GetLocation(attribute.Span);
            var args = attribute.ArgumentItems;
            var written = new NativeTypeDefinition(typeName, args.Select(a => file.Text.Substring(a.Span.Start, a.Span.Length)).ToList());
            switch (context.Provider)
            {
                case ProviderKind.Unsupported:
                case ProviderKind.MySql: // MySQL's native types are not checked yet: kept as written
                    return written; // provider-specific checks need a provider Strata knows
                case ProviderKind.Sqlite:
                    context.Error(DiagnosticCodes.UnknownNativeType, location,
                        $"SQLite has no native type attributes, so `{attribute.DisplayName}` cannot be used. Remove it: the field's type decides the column type.");
                    return null;
            }

            if (!Postgres.TryGetValue(typeName, out var spec))
            {
                var near = Postgres.Keys.FirstOrDefault(k => EditDistance.Within(k.ToLowerInvariant(), typeName.ToLowerInvariant(), 2));
                context.Error(DiagnosticCodes.UnknownNativeType, file.GetLocation(attribute.NameSpan),
                    $"PostgreSQL has no native type `{typeName}`{(near != null ? $"; did you mean `{near}`" : string.Empty)}. Known types: {string.Join(", ", Postgres.Keys)}.");
                return null;
            }
            if (field.Kind == FieldKind.Scalar && field.ScalarType != spec.Scalar)
            {
                var fits = string.Join(", ", PostgresTypesFor(field.ScalarType!.Value).Select(t => "@" + context.NativePrefix + "." + t));
                context.Error(DiagnosticCodes.NativeTypeMismatch, location,
                    $"The native type `{typeName}` is for {spec.Scalar} fields, but `{field.Name}` is {field.ScalarType}. For {field.ScalarType} use one of: {fits}.");
                return null;
            }
            if (field.Kind != FieldKind.Scalar)
            {
                context.Error(DiagnosticCodes.NativeTypeMismatch, location,
                    $"Native types apply to scalar fields only; `{field.Name}` is of type `{field.TypeName}`.");
                return null;
            }
            return CheckArguments(context, file, attribute, typeName, spec, args) ? written : null;
        }

        private static bool CheckArguments(BindContext context, SourceFile file, AttributeSyntax attribute, string typeName, Spec spec, IReadOnlyList<Argument> args)
        {
            int max = spec.Arguments switch { Args.None => 0, Args.OptionalInt => 1, _ => 2 };
            string usage = spec.Arguments switch
            {
                Args.None => $"@{context.NativePrefix}.{typeName}",
                Args.OptionalInt => $"@{context.NativePrefix}.{typeName}(n)",
                _ => $"@{context.NativePrefix}.{typeName}(precision, scale)",
            };
            bool ok = true;
            if (args.Count > max || (spec.Arguments == Args.OptionalPrecisionScale && args.Count == 1))
            {
                context.Error(DiagnosticCodes.InvalidNativeTypeArguments, file.GetLocation(attribute.Arguments!.Span),
                    $"`{attribute.DisplayName}` takes {(max == 0 ? "no arguments" : max == 1 ? "at most one argument" : "no arguments or two")}. Write it as `{usage}`.");
                return false;
            }
            foreach (var arg in args)
            {
                if (arg.Name != null || !(arg.Value is NumberLiteral n) || !n.IsInteger || !n.TryGetInt64(out long v) || v < 0 || v > int.MaxValue)
                {
                    context.Error(DiagnosticCodes.InvalidNativeTypeArguments, file.GetLocation(arg.Span),
                        $"The arguments of `{attribute.DisplayName}` are non-negative whole numbers, as in `{usage}`.");
                    ok = false;
                }
                else if ((typeName == "Timestamp" || typeName == "Timestamptz" || typeName == "Time" || typeName == "Timetz") && v > 6)
                {
                    context.Error(DiagnosticCodes.InvalidNativeTypeArguments, file.GetLocation(arg.Span),
                        $"PostgreSQL keeps at most 6 fractional digits of seconds; use a precision from 0 to 6 in `{attribute.DisplayName}`.");
                    ok = false;
                }
            }
            return ok;
        }
    }
}
