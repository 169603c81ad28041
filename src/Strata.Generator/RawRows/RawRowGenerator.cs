using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Strata.Generator.Emit;

namespace Strata.Generator.RawRows
{
    /// <summary>
    /// Writes a reader for each class or record marked <c>[Strata.RawRow]</c>, registered with the
    /// runtime when the assembly loads, so that raw SQL reads the type without reflection.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class RawRowGenerator : IIncrementalGenerator
    {
        /// <summary>SG2002: a [RawRow] type that raw SQL cannot read.</summary>
        public static readonly DiagnosticDescriptor Unreadable = new(
            "SG2002", "Type cannot be read from raw SQL", "{0}", "Strata.Usage", DiagnosticSeverity.Error, isEnabledByDefault: true);

        private const string AttributeName = "Strata.RawRowAttribute";

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var rows = context.SyntaxProvider.ForAttributeWithMetadataName(AttributeName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (syntax, token) => Describe((INamedTypeSymbol)syntax.TargetSymbol, token));
            context.RegisterSourceOutput(rows, Emit);
        }

        private static RawRowSpec Describe(INamedTypeSymbol type, CancellationToken token)
        {
            var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            var hint = type.ToDisplayString().Replace('<', '_').Replace('>', '_').Replace(',', '_').Replace(' ', '_');
            if (type.IsAbstract || type.IsGenericType || !Accessible(type))
                return Failed(type, name, hint, $"[RawRow] type '{type.Name}' must be a non-abstract, non-generic class or record that the assembly can reach (public or internal, also its containing types).");
            var members = new List<RawMemberSpec>();
            var constructor = ChooseConstructor(type);
            if (constructor == null)
                return Failed(type, name, hint, $"[RawRow] type '{type.Name}' needs a public or internal constructor.");
            foreach (var parameter in constructor.Parameters)
            {
                token.ThrowIfCancellationRequested();
                var error = Unsupported(parameter.Type, parameter.Name, type);
                if (error != null) return Failed(type, name, hint, error);
                members.Add(Member(parameter.Name, parameter.Type, parameter.NullableAnnotation, WrittenType(parameter, token), byConstructor: true));
            }
            var taken = new HashSet<string>(constructor.Parameters.Select(p => p.Name), System.StringComparer.OrdinalIgnoreCase);
            foreach (var property in Properties(type))
            {
                if (taken.Contains(property.Name)) continue;
                var error = Unsupported(property.Type, property.Name, type);
                if (error != null) return Failed(type, name, hint, error);
                members.Add(Member(property.Name, property.Type, property.NullableAnnotation, WrittenType(property, token), byConstructor: false));
            }
            if (members.Count == 0)
                return Failed(type, name, hint, $"[RawRow] type '{type.Name}' has no member to fill: give it settable properties or constructor parameters.");
            return new RawRowSpec(name, hint, new EquatableArray<RawMemberSpec>(members), null, null)
            {
                Namespace = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                Usings = new EquatableArray<string>(Usings(type, token)),
            };
        }

        /// <summary>
        /// The using directives of the files that declare the type. A member's type that another
        /// generator writes (a schema enum) is not known to this one, so it is emitted as written in
        /// the source, where these directives and the type's namespace resolve it.
        /// </summary>
        private static IEnumerable<string> Usings(INamedTypeSymbol type, CancellationToken token) => type.DeclaringSyntaxReferences
            .SelectMany(r => r.SyntaxTree.GetRoot(token).DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>())
            .Where(u => u.GlobalKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None))
            .Select(u => u.ToString().Trim())
            .Distinct()
            .OrderBy(u => u, System.StringComparer.Ordinal);

        /// <summary>The member's type as the source writes it, when the compilation cannot name it yet (a type another generator writes), else null.</summary>
        private static string? WrittenType(ISymbol member, CancellationToken token)
        {
            var type = member is IPropertySymbol p ? p.Type : ((IParameterSymbol)member).Type;
            if (!ContainsError(type)) return null;
            var syntax = member.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(token);
            return syntax switch
            {
                PropertyDeclarationSyntax property => property.Type.ToString(),
                ParameterSyntax parameter => parameter.Type?.ToString(),
                _ => null,
            };
        }

        private static bool ContainsError(ITypeSymbol type) => type.TypeKind == TypeKind.Error
            || (type is INamedTypeSymbol named && named.TypeArguments.Any(ContainsError))
            || (type is IArrayTypeSymbol array && ContainsError(array.ElementType));

        /// <summary>The constructor with the most parameters among those the assembly can call (a positional record's primary one).</summary>
        private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type) => type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)
            // A record's copy constructor takes the record itself: it is not a way to build one from columns.
            .Where(c => !(c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, type)))
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();

        /// <summary>Instance properties with a setter or init accessor the assembly can call, base types' included.</summary>
        private static IEnumerable<IPropertySymbol> Properties(INamedTypeSymbol type)
        {
            var seen = new HashSet<string>();
            for (var t = type; t != null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
            {
                foreach (var property in t.GetMembers().OfType<IPropertySymbol>())
                {
                    if (property.IsStatic || property.IsIndexer || property.SetMethod == null || property.Name == "EqualityContract") continue;
                    if (property.SetMethod.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)) continue;
                    if (seen.Add(property.Name)) yield return property;
                }
            }
        }

        private static RawMemberSpec Member(string name, ITypeSymbol type, NullableAnnotation annotation, string? written, bool byConstructor)
        {
            // A type not known yet (another generator's) may be a value type: read it as nullable-aware Read, which a value type requires.
            bool required = written == null && type.IsReferenceType && annotation == NullableAnnotation.NotAnnotated;
            var text = written ?? type.WithNullableAnnotation(type.IsReferenceType ? annotation : NullableAnnotation.None)
                .ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithMiscellaneousOptions(
                    SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes));
            return new RawMemberSpec(name, text, required, byConstructor);
        }

        /// <summary>True for the types raw SQL reads from one column (those of RawValues.Read), nullable or not.</summary>
        internal static bool IsColumnType(ITypeSymbol type)
        {
            var t = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
            if (t.TypeKind == TypeKind.Enum) return true;
            switch (t.SpecialType)
            {
                case SpecialType.System_String: case SpecialType.System_Int32: case SpecialType.System_Int64: case SpecialType.System_Int16:
                case SpecialType.System_Double: case SpecialType.System_Single: case SpecialType.System_Decimal: case SpecialType.System_Boolean:
                case SpecialType.System_DateTime:
                    return true;
            }
            return t.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString() is "System.Guid" or "byte[]" or "System.Text.Json.Nodes.JsonNode";
        }

        /// <summary>Why a member's type cannot come from a column, or null when it can.</summary>
        private static string? Unsupported(ITypeSymbol type, string member, INamedTypeSymbol owner)
        {
            // A type another generator writes is not known here: the runtime checks it (a schema enum reads by its names).
            if (IsColumnType(type) || ContainsError(type)) return null;
            return $"Member '{member}' of [RawRow] type '{owner.Name}' has type '{type.ToDisplayString()}', which raw SQL cannot read from a column (text, numbers, bool, DateTime, Guid, byte[], JsonNode or a schema enum).";
        }

        private static bool Accessible(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? t = type; t != null; t = t.ContainingType)
            {
                if (t.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal)) return false;
            }
            return true;
        }

        private static RawRowSpec Failed(INamedTypeSymbol type, string name, string hint, string message)
        {
            var location = type.Locations.FirstOrDefault(l => l.IsInSource);
            LocationSpec? spec = null;
            if (location != null)
            {
                var span = location.GetLineSpan();
                spec = new LocationSpec(span.Path, location.SourceSpan.Start, location.SourceSpan.Length,
                    span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character);
            }
            return new RawRowSpec(name, hint, new EquatableArray<RawMemberSpec>(System.Array.Empty<RawMemberSpec>()), message, spec);
        }

        private static void Emit(SourceProductionContext context, RawRowSpec row)
        {
            if (row.Error != null)
            {
                var l = row.ErrorLocation;
                var location = l == null ? Location.None : Location.Create(l.Path, new TextSpan(l.Start, l.Length),
                    new LinePositionSpan(new LinePosition(l.StartLine, l.StartColumn), new LinePosition(l.EndLine, l.EndColumn)));
                context.ReportDiagnostic(Diagnostic.Create(Unreadable, location, row.Error));
                return;
            }
            var w = new CodeWriter();
            w.Line("// <auto-generated>Generated by Strata: the raw SQL reader of a [RawRow] type.</auto-generated>");
            w.Line("#nullable enable");
            w.Line("#pragma warning disable CA2255, CS8019 // the module initializer registers the reader; the source's usings may go unused");
            foreach (var u in row.Usings) w.Line(u);
            w.Open("namespace " + (row.Namespace ?? "Strata.Generated.RawRows"));
            w.Open($"internal static class StrataRawRow_{row.HintName.Replace('.', '_')}");
            w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            w.Open("internal static void Register()");
            var names = string.Join(", ", row.Members.Select(m => Naming.Literal(m.Name)));
            w.Line($"global::Strata.RawRows.Register<{row.TypeName}>(new[] {{ {names} }}, Read);");
            w.Close();
            w.Line();
            w.Open($"private static {row.TypeName} Read(global::System.Data.Common.DbDataReader r, int[] o, global::Strata.Providers.RowReader v)");
            var members = row.Members.ToList();
            var args = members.Select((m, i) => (m, i)).Where(x => x.m.ByConstructor).Select(x => Read(x.m, x.i));
            var inits = members.Select((m, i) => (m, i)).Where(x => !x.m.ByConstructor).Select(x => $"{Naming.Identifier(x.m.Name)} = {Read(x.m, x.i)}").ToList();
            var text = new StringBuilder($"return new {row.TypeName}({string.Join(", ", args)})");
            if (inits.Count > 0) text.Append(" { ").Append(string.Join(", ", inits)).Append(" }");
            w.Line(text.Append(';').ToString());
            w.Close();
            w.Close();
            w.Close();
            context.AddSource("RawRow." + row.HintName + ".g.cs", SourceText.From(w.ToString(), Encoding.UTF8));
        }

        private static string Read(RawMemberSpec member, int index) => member.Required
            ? $"global::Strata.RawValues.ReadRequired<{member.Type}>(r, o[{index}], v)"
            : $"global::Strata.RawValues.Read<{member.Type}>(r, o[{index}], v)";
    }
}
