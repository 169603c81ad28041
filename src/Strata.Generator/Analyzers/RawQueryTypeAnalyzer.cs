using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Strata.Generator.RawRows;

namespace Strata.Generator.Analyzers;

/// <summary>
/// Reports a raw SQL query whose row type the runtime cannot read (<c>db.QueryRawAsync&lt;T&gt;</c>
/// with a <c>T</c> that is neither a generated entity, a <c>[RawRow]</c> type nor a scalar): without
/// it the mistake would only show when the query runs.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RawQueryTypeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>SG2003: a raw query of a type raw SQL cannot read.</summary>
    public static readonly DiagnosticDescriptor UnreadableRowType = new(
        "SG2003",
        "Raw query of a type raw SQL cannot read",
        "Raw SQL cannot read '{0}': read a generated entity, a scalar (text, numbers, bool, DateTime, Guid, byte[], JsonNode, a schema enum), or a class or record marked [RawRow]",
        "Strata.Usage",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(UnreadableRowType);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(Analyze, OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context)
    {
        var method = ((IInvocationOperation)context.Operation).TargetMethod;
        if (method.Name is not ("QueryRawAsync" or "QueryRawUnsafeAsync") || method.TypeArguments.Length != 1) return;
        if (method.ContainingType?.ToDisplayString() != "Strata.StrataClient") return;
        var row = method.TypeArguments[0];
        if (row is ITypeParameterSymbol || RawRowGenerator.IsColumnType(row)) return;
        if (row.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Strata.RawRowAttribute")) return;
        if (row.AllInterfaces.Any(i => i.ToDisplayString() == "Strata.Metadata.IStrataEntity")) return;
        context.ReportDiagnostic(Diagnostic.Create(UnreadableRowType, context.Operation.Syntax.GetLocation(), row.ToDisplayString()));
    }
}
