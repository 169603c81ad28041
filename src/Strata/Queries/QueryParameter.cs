using Strata.Metadata;

namespace Strata.Queries;

/// <summary>A value bound to a statement, with what the dialect needs to give it the right type.</summary>
/// <param name="Kind">How the value is stored.</param>
/// <param name="Column">The column the value is compared with or written to, when there is one (enums and native types need it).</param>
/// <param name="Value">The C# value; the dialect converts it to the stored form.</param>
/// <param name="IsList">True when the value is a list bound as one array parameter.</param>
public readonly record struct QueryParameter(ScalarKind Kind, ColumnInfo? Column, object? Value, bool IsList = false);
