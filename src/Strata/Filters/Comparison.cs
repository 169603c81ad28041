using Strata.Metadata;

namespace Strata.Filters;

/// <summary>A comparison as the dialect receives it to write.</summary>
/// <param name="Column">The column.</param>
/// <param name="Operator">The operator.</param>
/// <param name="Value">The C# value, or for list operators an <see cref="System.Collections.IList"/>.</param>
/// <param name="Insensitive">True to compare text without regard to case.</param>
public readonly record struct Comparison(ColumnInfo Column, FilterOperator Operator, object? Value, bool Insensitive);
