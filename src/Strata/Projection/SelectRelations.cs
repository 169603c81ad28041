using System.Collections;
using Strata.Metadata;
using Strata.Queries;

namespace Strata;

/// <summary>
/// A list relation inside a select lambda: <c>u.Posts.Where(p =&gt; p.Published).OrderBy(p =&gt; p.Id).Take(3).Select(p =&gt; new { p.Title })</c>
/// gives each record's related records, projected; <c>u.Posts.Count()</c> their number (Prisma's <c>_count</c>).
/// Each level is one query for all records, as includes are.
/// </summary>
/// <typeparam name="TSelect">The related model's select proxy.</typeparam>
/// <typeparam name="TWhere">The related model's filter proxy.</typeparam>
/// <typeparam name="TFields">The related model's fields proxy.</typeparam>
public readonly struct SelectMany<TSelect, TWhere, TFields>
    where TSelect : SelectProxy where TWhere : IProxy<TWhere> where TFields : IProxy<TFields>
{
    private readonly SelectProxy _parent;
    private readonly int _relation;
    private readonly Func<TSelect> _create;
    private readonly QueryState? _state; // null while reading records: the refinements were recorded already

    internal SelectMany(SelectProxy parent, int relation, Func<TSelect> create, QueryState? state)
    {
        _parent = parent;
        _relation = relation;
        _create = create;
        _state = state;
    }

    /// <summary>Only related records that match.</summary>
    public SelectMany<TSelect, TWhere, TFields> Where(Func<TWhere, Filter> where) => _state == null ? this : With(_state.AndWhere(where(TWhere.Instance)));

    /// <summary>Orders the related records (call again for further keys).</summary>
    public SelectMany<TSelect, TWhere, TFields> OrderBy(Func<TFields, OrderBy> order) =>
        _state == null ? this : With(_state with { Order = [.. _state.Order, order(TFields.Instance)] });

    /// <summary>Skips the first <paramref name="count"/> related records of each record.</summary>
    public SelectMany<TSelect, TWhere, TFields> Skip(int count) => _state == null ? this : With(_state with { Skip = Paging.CheckSkip(count) });

    /// <summary>Takes at most <paramref name="count"/> related records per record.</summary>
    public SelectMany<TSelect, TWhere, TFields> Take(int count) => count < 0
        ? throw new ArgumentOutOfRangeException(nameof(count), count, "A selected relation takes zero or more records per record.")
        : _state == null ? this : With(_state with { Take = count });

    /// <summary>The related records of the record, each projected by <paramref name="select"/>.</summary>
    public List<T> Select<T>(Func<TSelect, T> select)
    {
        ArgumentNullException.ThrowIfNull(select);
        if (_state != null)
        {
            var recorder = _create();
            select(recorder);
            _parent.Selection.AddRelation(_relation, recorder.Selection, _state);
            return [];
        }
        var selection = _parent.Selection.Relation(_relation) ?? throw _parent.NotRecorded(_parent.RelationAt(_relation).FieldName);
        var child = _parent.Child(_relation, _create);
        child.StartReading(selection);
        var records = (IList)_parent.CurrentRecord.GetRelationValue(_relation)!;
        var results = new List<T>(records.Count);
        foreach (IStrataEntity record in records)
        {
            child.Position(record);
            results.Add(select(child));
        }
        return results;
    }

    /// <summary>The number of related records (that match the Where, if any), counted without loading them.</summary>
    public int Count()
    {
        if (_state != null)
        {
            if (_state.Order.Length > 0 || _state.Skip != null || _state.Take != null)
                throw _parent.Selection.Invalid($"A count of {_parent.RelationAt(_relation).FieldName} takes a Where only: order and paging do not change a count.");
            _parent.Selection.AddCount(_relation, _state.Where);
            return 0;
        }
        if (!_parent.Selection.HasCount(_relation)) throw _parent.NotRecorded(_parent.RelationAt(_relation).FieldName + ".Count()");
        return _parent.CurrentRecord.GetRelationCount(_relation) ?? 0;
    }

    private SelectMany<TSelect, TWhere, TFields> With(QueryState state) => new(_parent, _relation, _create, state);
}

/// <summary>A to-one relation inside a select lambda: <c>p.Author.Select(a =&gt; a.Name)</c> gives the related record projected, or the default (null) when there is none.</summary>
/// <typeparam name="TSelect">The related model's select proxy.</typeparam>
public readonly struct SelectOne<TSelect> where TSelect : SelectProxy
{
    private readonly SelectProxy _parent;
    private readonly int _relation;
    private readonly Func<TSelect> _create;

    internal SelectOne(SelectProxy parent, int relation, Func<TSelect> create)
    {
        _parent = parent;
        _relation = relation;
        _create = create;
    }

    /// <summary>The related record projected by <paramref name="select"/>; the default of <typeparamref name="T"/> (null) when the record has none.</summary>
    public T? Select<T>(Func<TSelect, T> select)
    {
        ArgumentNullException.ThrowIfNull(select);
        if (_parent.Recording)
        {
            var recorder = _create();
            select(recorder);
            _parent.Selection.AddRelation(_relation, recorder.Selection, QueryState.Empty);
            return default;
        }
        var selection = _parent.Selection.Relation(_relation) ?? throw _parent.NotRecorded(_parent.RelationAt(_relation).FieldName);
        if (_parent.CurrentRecord.GetRelationValue(_relation) is not IStrataEntity record) return default;
        var child = _parent.Child(_relation, _create);
        child.StartReading(selection);
        child.Position(record);
        return select(child);
    }
}
