using Strata.Metadata;
using Strata.Queries;

namespace Strata;

/// <summary>
/// A relation to load with the records, from a generated <c>XxxInclude</c> proxy:
/// <c>u =&gt; u.Todos</c>, or refined: <c>u =&gt; u.Todos.Where(t =&gt; !t.Done).OrderBy(t =&gt; t.Id.Desc()).Take(5)</c>.
/// Each level is one query for all parents (never one per parent).
/// </summary>
public abstract class Include
{
    private protected Include(RelationInfo relation, QueryState state)
    {
        Relation = relation;
        State = state;
    }

    internal RelationInfo Relation { get; }

    internal QueryState State { get; }
}

/// <summary>An included list relation, with its own filter, order, paging, omitted fields and nested includes.</summary>
/// <typeparam name="TWhere">The related model's filter proxy.</typeparam>
/// <typeparam name="TFields">The related model's fields proxy.</typeparam>
/// <typeparam name="TInclude">The related model's include proxy.</typeparam>
public sealed class IncludeMany<TWhere, TFields, TInclude> : Include
    where TWhere : IProxy<TWhere> where TFields : IProxy<TFields> where TInclude : IProxy<TInclude>
{
    /// <summary>Creates the include (generated code does this).</summary>
    public IncludeMany(RelationInfo relation) : base(relation, QueryState.Empty) { }

    private IncludeMany(RelationInfo relation, QueryState state) : base(relation, state) { }

    /// <summary>Loads only related records that match.</summary>
    public IncludeMany<TWhere, TFields, TInclude> Where(Func<TWhere, Filter> where) => new(Relation, State.AndWhere(where(TWhere.Instance)));

    /// <summary>Orders the related records (call again for further keys).</summary>
    public IncludeMany<TWhere, TFields, TInclude> OrderBy(Func<TFields, OrderBy> order) => new(Relation, State with { Order = [.. State.Order, order(TFields.Instance)] });

    /// <summary>Skips the first <paramref name="count"/> related records of each parent.</summary>
    public IncludeMany<TWhere, TFields, TInclude> Skip(int count) => new(Relation, State with { Skip = Paging.CheckSkip(count) });

    /// <summary>Loads at most <paramref name="count"/> related records per parent.</summary>
    public IncludeMany<TWhere, TFields, TInclude> Take(int count) =>
        count < 0 ? throw new ArgumentOutOfRangeException(nameof(count), count, "An included relation takes zero or more records per parent.")
                  : new(Relation, State with { Take = count });

    /// <summary>Leaves fields out of the related records.</summary>
    public IncludeMany<TWhere, TFields, TInclude> Omit(Func<TFields, FieldRef[]> fields) => new(Relation, State.Omit(Relation.Target, fields(TFields.Instance)));

    /// <summary>Also loads a relation of the related records.</summary>
    public IncludeMany<TWhere, TFields, TInclude> Include(Func<TInclude, Include> include) => new(Relation, State.AddInclude(include(TInclude.Instance)));

    /// <summary>Also counts a list relation of each related record, into its <c>RelationCounts</c> (Prisma's <c>_count</c>).</summary>
    public IncludeMany<TWhere, TFields, TInclude> IncludeCount(Func<TInclude, Include> relation) => new(Relation, State.AddInclude(CountInclude.Of(relation(TInclude.Instance))));
}

/// <summary>
/// A list relation counted instead of loaded (Prisma's <c>_count</c>): the number of related records
/// of each parent that match the include's Where, set into the parent's <c>RelationCounts</c>.
/// </summary>
internal sealed class CountInclude : Include
{
    private CountInclude(RelationInfo relation, QueryState state) : base(relation, state) { }

    public static CountInclude Of(Include include)
    {
        ArgumentNullException.ThrowIfNull(include);
        var relation = include.Relation;
        if (!relation.IsList)
            throw new StrataException(ErrorCodes.InvalidQuery, $"{relation.FieldName} is a to-one relation: only list relations are counted.");
        var state = include.State;
        if (include is CountInclude || state.Order.Length > 0 || state.Skip != null || state.Take != null || state.Omitted != null || state.Includes.Length > 0)
            throw new StrataException(ErrorCodes.InvalidQuery, $"A count of {relation.FieldName} takes a Where only: it counts records, so order, paging, omit and includes do not apply.");
        return new CountInclude(relation, QueryState.Empty with { Where = state.Where });
    }
}

/// <summary>An included to-one relation, with omitted fields and nested includes.</summary>
/// <typeparam name="TFields">The related model's fields proxy.</typeparam>
/// <typeparam name="TInclude">The related model's include proxy.</typeparam>
public sealed class IncludeOne<TFields, TInclude> : Include
    where TFields : IProxy<TFields> where TInclude : IProxy<TInclude>
{
    /// <summary>Creates the include (generated code does this).</summary>
    public IncludeOne(RelationInfo relation) : base(relation, QueryState.Empty) { }

    private IncludeOne(RelationInfo relation, QueryState state) : base(relation, state) { }

    /// <summary>Leaves fields out of the related record.</summary>
    public IncludeOne<TFields, TInclude> Omit(Func<TFields, FieldRef[]> fields) => new(Relation, State.Omit(Relation.Target, fields(TFields.Instance)));

    /// <summary>Also loads a relation of the related record.</summary>
    public IncludeOne<TFields, TInclude> Include(Func<TInclude, Include> include) => new(Relation, State.AddInclude(include(TInclude.Instance)));
}

internal static class Paging
{
    public static int CheckSkip(int count) =>
        count < 0 ? throw new ArgumentOutOfRangeException(nameof(count), count, "Skip takes zero or more records.") : count;
}
