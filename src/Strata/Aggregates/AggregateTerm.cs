using Strata.Metadata;
using Strata.Queries;

namespace Strata.Aggregates;

/// <summary>An aggregate function of SQL.</summary>
internal enum AggregateFunction
{
    CountAll,
    Count,
    CountDistinct,
    Sum,
    Avg,
    Min,
    Max,
}

/// <summary>One aggregate of a query: the function, and the column it reads (none for COUNT(*)).</summary>
internal readonly record struct AggregateTerm(AggregateFunction Function, ColumnInfo? Column)
{
    /// <summary>How the result is stored, for a parameter compared with it (Having).</summary>
    public ScalarKind ResultKind => Function switch
    {
        AggregateFunction.CountAll or AggregateFunction.Count or AggregateFunction.CountDistinct => ScalarKind.BigInt,
        AggregateFunction.Avg => Column!.Kind == ScalarKind.Decimal ? ScalarKind.Decimal : ScalarKind.Float,
        AggregateFunction.Sum => Column!.Kind is ScalarKind.Int or ScalarKind.BigInt ? ScalarKind.BigInt : Column.Kind,
        _ => Column!.Kind,
    };

    /// <summary>The column a compared value binds with: Min and Max keep the field's type (its enum, its date form).</summary>
    public ColumnInfo? ResultColumn => Function is AggregateFunction.Min or AggregateFunction.Max ? Column : null;

    /// <summary>Writes the aggregate over rows of <paramref name="alias"/>.</summary>
    public void Write(SqlWriter w, string alias)
    {
        switch (Function)
        {
            case AggregateFunction.CountAll:
                w.Sql("COUNT(*)");
                return;
            case AggregateFunction.Count:
                w.Sql("COUNT(").Column(alias, Column!).Sql(')');
                return;
            case AggregateFunction.CountDistinct:
                w.Sql("COUNT(DISTINCT ").Column(alias, Column!).Sql(')');
                return;
            case AggregateFunction.Avg when Column!.Kind != ScalarKind.Decimal:
                // PostgreSQL averages integers as numeric; a double is what the C# result holds, on both databases.
                w.Sql("CAST(AVG(").Column(alias, Column).Sql(") AS ").Sql(w.Dialect.DoubleType).Sql(')');
                return;
            case AggregateFunction.Min or AggregateFunction.Max when Column!.Kind == ScalarKind.Boolean:
                // PostgreSQL has no MIN or MAX of booleans: take them as 0 and 1.
                w.Sql(Function == AggregateFunction.Min ? "MIN(CASE WHEN " : "MAX(CASE WHEN ").Column(alias, Column).Sql(" THEN 1 ELSE 0 END)");
                return;
            default:
                w.Sql(Function switch { AggregateFunction.Sum => "SUM(", AggregateFunction.Avg => "AVG(", AggregateFunction.Min => "MIN(", _ => "MAX(" })
                    .Column(alias, Column!).Sql(')');
                return;
        }
    }

    /// <summary>Refuses what Prisma refuses: aggregating a list, a JSON document or binary data, or summing what is not a number.</summary>
    public static AggregateTerm Check(AggregateFunction function, ColumnInfo column, string model)
    {
        string? why = column.IsList ? "a scalar list"
            : column.Kind is ScalarKind.Json or ScalarKind.Bytes && function is not (AggregateFunction.Count) ? "a " + column.Kind + " field"
            : null;
        if (why != null)
            throw new StrataException(ErrorCodes.InvalidQuery, $"{function} cannot aggregate {model}.{column.FieldName}, {why}.") { Model = model };
        return new AggregateTerm(function, column);
    }
}
