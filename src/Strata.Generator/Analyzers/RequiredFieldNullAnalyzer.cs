using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Strata.Generator.Analyzers;

/// <summary>
/// Reports <c>x.Field == null</c> and <c>x.Field != null</c> in a filter when the field is required
/// (its proxy member carries <c>[Strata.RequiredField]</c>): the comparison compiles through the
/// proxy's operators, which optional fields share, but would match no row (or every row).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RequiredFieldNullAnalyzer : DiagnosticAnalyzer
{
    /// <summary>SG2001: a null comparison on a required field.</summary>
    public static readonly DiagnosticDescriptor NullOnRequiredField = new(
        "SG2001",
        "Null comparison on a required field",
        "'{0}' is a required field and is never null, so '{1} null' {2}; remove the comparison, or make the field optional in the schema",
        "Strata.Usage",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(NullOnRequiredField);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(Analyze, OperationKind.BinaryOperator);
    }

    private static void Analyze(OperationAnalysisContext context)
    {
        var operation = (IBinaryOperation)context.Operation;
        if (operation.OperatorMethod == null) return;
        bool equals = operation.OperatorKind == BinaryOperatorKind.Equals;
        if (!equals && operation.OperatorKind != BinaryOperatorKind.NotEquals) return;
        var field = RequiredField(operation.LeftOperand) ?? RequiredField(operation.RightOperand);
        if (field == null || !(IsNull(operation.LeftOperand) || IsNull(operation.RightOperand))) return;
        context.ReportDiagnostic(Diagnostic.Create(NullOnRequiredField, operation.Syntax.GetLocation(),
            field.Name, equals ? "==" : "!=", equals ? "matches no row" : "matches every row"));
    }

    private static IPropertySymbol? RequiredField(IOperation operand)
    {
        if (Unwrap(operand) is not IPropertyReferenceOperation reference) return null;
        // x.Code.Insensitive == null is the same test on the same field.
        if (reference.Property.Name == "Insensitive" && reference.Instance is IPropertyReferenceOperation field) reference = field;
        foreach (var attribute in reference.Property.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (type is { Name: "RequiredFieldAttribute", ContainingNamespace: { Name: "Strata", ContainingNamespace.IsGlobalNamespace: true } })
                return reference.Property;
        }
        return null;
    }

    private static bool IsNull(IOperation operand) =>
        Unwrap(operand) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation;

    private static IOperation Unwrap(IOperation operand)
    {
        while (operand is IConversionOperation { IsImplicit: true } conversion) operand = conversion.Operand;
        return operand;
    }
}
