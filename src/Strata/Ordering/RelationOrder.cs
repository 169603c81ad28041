using Strata.Metadata;
using Strata.Queries;

namespace Strata;

/// <summary>
/// A list relation in an ordering, from a generated <c>XxxFields</c> proxy: order by the number of
/// related records, <c>u =&gt; u.Posts.Count().Desc()</c> (Prisma's <c>orderBy: { posts: { _count } }</c>).
/// </summary>
public readonly struct RelationOrder
{
    private readonly RelationInfo _relation;

    /// <summary>Creates the reference (generated code does this).</summary>
    public RelationOrder(RelationInfo relation) => _relation = relation;

    /// <summary>The number of related records, as an order key.</summary>
    public RelationCountOrder Count() => new(_relation);
}

/// <summary>The number of related records of a list relation, as an order key: <c>.Desc()</c>, or ascending alone.</summary>
public readonly struct RelationCountOrder
{
    private readonly RelationInfo _relation;

    internal RelationCountOrder(RelationInfo relation) => _relation = relation;

    /// <summary>Fewest first.</summary>
    public OrderBy Asc() => Key(false);

    /// <summary>Most first.</summary>
    public OrderBy Desc() => Key(true);

    /// <summary>A count alone orders ascending.</summary>
    public static implicit operator OrderBy(RelationCountOrder count) => count.Asc();

    // The column is the parent's own key, which the count is correlated with; Via says what is ordered by.
    private OrderBy Key(bool descending) =>
        new(_relation.Owner.Columns[_relation.LocalColumns[0]], descending, Nulls.Default) { Via = new RelationOrderPath([], _relation) };
}

/// <summary>
/// A to-one relation in an ordering, from a generated <c>XxxFields</c> proxy: order by a field of the
/// related record, <c>p =&gt; p.Author.By(a =&gt; a.Name.Desc())</c> (a record without one sorts as a null).
/// </summary>
/// <typeparam name="TFields">The related model's fields proxy.</typeparam>
public readonly struct ToOneOrder<TFields> where TFields : IProxy<TFields>
{
    private readonly RelationInfo _relation;

    /// <summary>Creates the reference (generated code does this).</summary>
    public ToOneOrder(RelationInfo relation) => _relation = relation;

    /// <summary>Orders by the related record's field, or by a relation of it (nested).</summary>
    public OrderBy By(Func<TFields, OrderBy> order)
    {
        var inner = order(TFields.Instance);
        var via = inner.Via;
        return inner with { Via = new RelationOrderPath([_relation, .. via?.Hops ?? []], via?.Counted) };
    }
}

/// <summary>The to-one relations an order key goes through, and the list relation it counts at their end (if any).</summary>
internal sealed record RelationOrderPath(RelationInfo[] Hops, RelationInfo? Counted)
{
    /// <summary>Writes the order key of rows of <paramref name="alias"/>: a scalar subquery per hop, then the field or the count.</summary>
    public void Write(SqlWriter w, string alias, ColumnInfo column) => Write(w, alias, column, 0);

    private void Write(SqlWriter w, string alias, ColumnInfo column, int hop)
    {
        if (hop == Hops.Length)
        {
            if (Counted != null) WriteCount(w, alias, Counted);
            else w.Column(alias, column);
            return;
        }
        var relation = Hops[hop];
        var target = relation.Target;
        var next = w.NextAlias();
        w.Sql("(SELECT ");
        Write(w, next, column, hop + 1);
        w.Sql(" FROM ").Table(target.Schema, target.TableName).Sql(' ').Sql(next).Sql(" WHERE ");
        Join(w, next, target, relation.TargetColumns, alias, relation);
        w.Sql(')');
    }

    private static void WriteCount(SqlWriter w, string alias, RelationInfo relation)
    {
        var counted = w.NextAlias();
        w.Sql("(SELECT COUNT(*) FROM ");
        if (relation.JoinTable is { } join)
        {
            // The join table's column that refers to the parent holds its id (the relation's local column).
            w.Table(join.Schema, join.Name).Sql(' ').Sql(counted).Sql(" WHERE ").Sql(counted).Sql('.').Identifier(join.LocalColumn)
                .Sql(" = ").Column(alias, relation.Owner.Columns[relation.LocalColumns[0]]).Sql(')');
            return;
        }
        var target = relation.Target;
        w.Table(target.Schema, target.TableName).Sql(' ').Sql(counted).Sql(" WHERE ");
        Join(w, counted, target, relation.TargetColumns, alias, relation);
        w.Sql(')');
    }

    /// <summary><c>t.a = p.x AND t.b = p.y</c>: the target's joining columns equal the parent's.</summary>
    private static void Join(SqlWriter w, string targetAlias, ModelInfo target, int[] targetColumns, string parentAlias, RelationInfo relation)
    {
        var parent = relation.Owner;
        for (int i = 0; i < targetColumns.Length; i++)
        {
            if (i > 0) w.Sql(" AND ");
            w.Column(targetAlias, target.Columns[targetColumns[i]]).Sql(" = ").Column(parentAlias, parent.Columns[relation.LocalColumns[i]]);
        }
    }
}
