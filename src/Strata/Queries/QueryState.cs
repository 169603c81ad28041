using Strata.Metadata;

namespace Strata.Queries;

/// <summary>Everything a query says about which rows, in which order, with which columns and relations.</summary>
internal sealed record QueryState
{
    public static readonly QueryState Empty = new();

    public Filter? Where { get; init; }

    public OrderBy[] Order { get; init; } = [];

    public int? Skip { get; init; }

    public int? Take { get; init; }

    public UniqueFilter? Cursor { get; init; }

    public ColumnInfo[]? Distinct { get; init; }

    public bool[]? Omitted { get; init; }

    public Include[] Includes { get; init; } = [];

    public ColumnSet Columns => new(Omitted);

    /// <summary>True when an order, paging, a cursor or distinct choose which of the matching records the query reads.</summary>
    public bool SelectsRecords => Order.Length > 0 || Skip != null || Take != null || Cursor != null || Distinct != null;

    public QueryState AndWhere(Filter filter) => this with { Where = Where == null ? filter : Where & filter };

    public QueryState Omit(ModelInfo model, IEnumerable<FieldRef> fields)
    {
        var omitted = Omitted?.ToArray() ?? new bool[model.Columns.Length];
        foreach (var field in fields) omitted[field.Column.Index] = true;
        return this with { Omitted = omitted };
    }

    public QueryState AddInclude(Include include) =>
        this with { Includes = [.. Includes.Where(i => i.Relation != include.Relation || i.GetType() != include.GetType()), include] };
}
