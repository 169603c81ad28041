
namespace Strata.Differential.Engine;

/// <summary>The operators a generated filter may use on a field.</summary>
public enum Op { Eq, Ne, Lt, Le, Gt, Ge, In, NotIn, Contains, StartsWith, EndsWith, Has, HasSome, HasEvery, IsEmpty }

/// <summary>How a field's values behave in filters and orderings.</summary>
public enum ValueKind { Number, Text, Bool, Enum, Bytes, Json, Date, List }

/// <summary>
/// A scalar field as the generator sees it: how to read it from an entity (a database's or the
/// in-memory one), how to filter by it through the generated proxy, how to name it in an order
/// or omit, and a pool of values to compare it with. Proxies are passed as objects so that one
/// generator serves every model.
/// </summary>
public sealed class ScalarSpec
{
    public required string Name { get; init; }
    public required ValueKind Kind { get; init; }
    public required bool Optional { get; init; }
    public required Func<object, object?> Get { get; init; }
    public required Func<object, FieldRef> Field { get; init; }
    /// <summary>(where proxy, operator, value, insensitive) to a filter.</summary>
    public required Func<object, Op, object?, bool, Filter> Build { get; init; }
    public required object[] Pool { get; init; }

    /// <summary>(a select proxy) to the field's value as a Select lambda reads it.</summary>
    public required Func<object, object?> Selected { get; init; }

    /// <summary>For text fields: (where proxy, query, syntax) to a full-text search of the field, configuration simple.</summary>
    public Func<object, string, SearchSyntax, Filter>? Search { get; init; }

    /// <summary>For Json fields: (where proxy) to the field's proxy, which the Json filters start from.</summary>
    public Func<object, JsonField>? Json { get; init; }

    /// <summary>(the selector's aggregates proxy, aggregate) to the aggregate's value, through the typed overload a user calls; null where the field takes none.</summary>
    public Func<object, Agg, object?>? Aggregate { get; init; }

    /// <summary>(a group) to its value of this field, when the field is grouped by.</summary>
    public Func<object, object?>? Key { get; init; }

    public bool Orderable => Kind is not (ValueKind.Bytes or ValueKind.Json or ValueKind.List);

    /// <summary>The aggregates Prisma offers on the field: counts on every field, minimum and maximum on ordered ones, sum and average on numbers.</summary>
    public Agg[] Aggregates => Aggregate == null ? [] : Kind switch
    {
        ValueKind.Number => [Agg.Count, Agg.CountDistinct, Agg.Sum, Agg.Avg, Agg.Min, Agg.Max],
        ValueKind.Text or ValueKind.Date or ValueKind.Enum or ValueKind.Bool => [Agg.Count, Agg.CountDistinct, Agg.Min, Agg.Max],
        _ => [],
    };

    public Op[] Operators => Kind switch
    {
        ValueKind.Text => [Op.Eq, Op.Ne, Op.Lt, Op.Le, Op.Gt, Op.Ge, Op.In, Op.NotIn, Op.Contains, Op.StartsWith, Op.EndsWith],
        ValueKind.Number or ValueKind.Date => [Op.Eq, Op.Ne, Op.Lt, Op.Le, Op.Gt, Op.Ge, Op.In, Op.NotIn],
        ValueKind.Enum => [Op.Eq, Op.Ne, Op.In, Op.NotIn],
        ValueKind.Bool or ValueKind.Bytes => [Op.Eq, Op.Ne],
        ValueKind.List => [Op.Has, Op.HasSome, Op.HasEvery, Op.IsEmpty, Op.Eq], // scalar lists (PostgreSQL); the pool holds elements
        _ => [Op.Eq, Op.Ne], // Json: null / not null here; its own filters are JsonCond
    };
}

/// <summary>The ways a relation filter tests related records.</summary>
public enum RelTest { Some, Every, None, Is, IsNot, Exists }

/// <summary>A relation as the generator sees it.</summary>
public sealed class RelationSpec
{
    public required string Name { get; init; }
    public required bool IsList { get; init; }
    public required Func<ModelSpec> Target { get; init; }
    /// <summary>The related rows of an in-memory row, given the in-memory data's index.</summary>
    public required Func<object, object, IEnumerable<object>> Related { get; init; }
    /// <summary>(where proxy, test, inner filter on the target's where proxy) to a filter.</summary>
    public required Func<object, RelTest, Func<object, Filter>?, Filter> Filter { get; init; }
    /// <summary>(include proxy, the include's refinements) to an include.</summary>
    public required Func<object, IncludeCase, Include> Include { get; init; }
    /// <summary>What a database's entity holds for the included relation: a list, an entity or null.</summary>
    public required Func<object, object?> Included { get; init; }
    /// <summary>(select proxy, the include's refinements, the related record's projection) to what a Select lambda reads: a list of projections, or one (null when there is none).</summary>
    public required Func<object, IncludeCase, Func<object, string>, object?> Select { get; init; }
    /// <summary>For list relations: (select proxy, the count's Where) to the count a Select lambda reads.</summary>
    public Func<object, IncludeCase, int>? SelectCount { get; init; }
    /// <summary>For list relations: the count a database's entity holds after IncludeCount (null when not counted).</summary>
    public Func<object, int?>? Counted { get; init; }
    /// <summary>For list relations: (fields proxy) to the order key of the relation's count.</summary>
    public Func<object, RelationCountOrder>? OrderCount { get; init; }
    /// <summary>For to-one relations: (fields proxy, the order key on the target's fields proxy) to the order key through the relation.</summary>
    public Func<object, Func<object, OrderBy>, OrderBy>? OrderVia { get; init; }
}

/// <summary>A model: its fields, relations, rows, and the unique key that makes an order total.</summary>
public sealed class ModelSpec
{
    public required string Name { get; init; }
    public required ScalarSpec[] Scalars { get; init; }
    public RelationSpec[] Relations { get; set; } = [];
    /// <summary>The in-memory rows, given the in-memory data.</summary>
    public required Func<object, IEnumerable<object>> Rows { get; init; }
    /// <summary>The primary key's fields, appended to an order that must be total.</summary>
    public required ScalarSpec[] Key { get; init; }
    /// <summary>(unique proxy, key values) to a cursor.</summary>
    public required Func<object, object?[], UniqueFilter> Cursor { get; init; }

    /// <summary>(client, query) to the rows of FindMany and the CountAsync of the same query.</summary>
    public required Func<object, QueryCase, Task<(List<object> Rows, int Count)>> Run { get; init; }

    /// <summary>(client, query, a record's projection) to the projections of the query run as a Select.</summary>
    public Func<object, QueryCase, Func<object, string>, Task<List<string>>>? RunSelect { get; init; }

    /// <summary>(client, aggregate case) to its result rows (one without GroupBy), each the list of values the selector read.</summary>
    public Func<object, AggregateCase, Task<List<List<object?>>>>? RunAggregate { get; init; }
}
