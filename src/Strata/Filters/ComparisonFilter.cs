using Strata.Filters;
using Strata.Metadata;
using Strata.Queries;

namespace Strata;

/// <summary>One column compared with a value; the dialect writes the SQL for the operator.</summary>
internal sealed class ComparisonFilter(ColumnInfo column, FilterOperator op, object? value, bool insensitive) : Filter
{
    public ColumnInfo Column { get; } = column;

    public FilterOperator Operator { get; } = op;

    /// <summary>The C# value; for In/NotIn/HasSome/HasEvery an <see cref="System.Collections.IList"/>.</summary>
    public object? Value { get; } = value;

    public bool Insensitive { get; } = insensitive;

    internal override void Write(SqlWriter writer, string alias)
    {
        writer.Dialect.WriteComparison(writer, alias, new Comparison(Column, Operator, Value, Insensitive));
    }
}
