using Strata.Aggregates;
using Strata.Execution;
using Strata.Metadata;

namespace Strata;

/// <summary>
/// Records grouped by fields (<c>db.Posts.Where(...).GroupBy(p =&gt; p.AuthorId)</c>), Prisma's groupBy:
/// the query's Where chooses the records, then <see cref="Having"/>, <see cref="OrderBy"/>,
/// <see cref="Skip"/> and <see cref="Take"/> act on the groups, and <see cref="SelectAsync{TResult}"/>
/// reads one result per group. Immutable, as queries are.
/// </summary>
/// <typeparam name="TFields">The model's fields proxy.</typeparam>
public sealed class GroupQuery<TFields> where TFields : IProxy<TFields>
{
    private readonly StrataContext _context;
    private readonly ModelInfo _model;
    private readonly GroupState _state;

    internal GroupQuery(StrataContext context, ModelInfo model, GroupState state)
    {
        _context = context;
        _model = model;
        _state = state;
    }

    /// <summary>Only groups that match <paramref name="having"/>: <c>g =&gt; g.Count() &gt; 1 &amp;&amp; g.Avg(p =&gt; p.Views) &gt;= 10</c> (with any earlier Having: both must match).</summary>
    public GroupQuery<TFields> Having(Func<GroupTerms<TFields>, Filter> having)
    {
        var filter = having(Terms) ?? throw new ArgumentNullException(nameof(having));
        return With(_state with { Having = _state.Having == null ? filter : _state.Having & filter });
    }

    /// <summary>Orders the groups by a key field or an aggregate: <c>g =&gt; g.Count().Desc()</c>; call again for further keys.</summary>
    public GroupQuery<TFields> OrderBy(Func<GroupTerms<TFields>, GroupOrder> order) => With(_state with { Order = [.. _state.Order, order(Terms)] });

    /// <summary>Skips the first <paramref name="count"/> groups (needs an OrderBy, as in Prisma).</summary>
    public GroupQuery<TFields> Skip(int count) => With(_state with { Skip = Paging.CheckSkip(count) });

    /// <summary>Takes at most <paramref name="count"/> groups (needs an OrderBy, as in Prisma).</summary>
    public GroupQuery<TFields> Take(int count) => count < 0
        ? throw new ArgumentOutOfRangeException(nameof(count), count, "A group query takes zero or more groups.")
        : With(_state with { Take = count });

    /// <summary>
    /// One result per group, built by <paramref name="select"/> from the group's keys and aggregates:
    /// <c>g =&gt; new { Author = g.Key(p =&gt; p.AuthorId), Posts = g.Count() }</c>.
    /// </summary>
    public Task<List<TResult>> SelectAsync<TResult>(Func<Group<TFields>, TResult> select, CancellationToken cancellationToken = default)
    {
        if ((_state.Skip != null || _state.Take != null) && _state.Order.Length == 0)
            throw new StrataException(ErrorCodes.InvalidQuery, $"A GroupBy of {_model.Name} with Skip or Take needs an OrderBy, so that the groups it pages through have an order.") { Model = _model.Name };
        return Telemetry.OperationSpan.Run("groupBy", _context, _model, (Query: this, Select: select), cancellationToken,
            static (a, ct) => AggregateOperations.GroupsAsync(a.Query._context, a.Query._model, a.Query._state, a.Select, ct));
    }

    private GroupTerms<TFields> Terms => new(_model.Name, _state.By);

    private GroupQuery<TFields> With(GroupState state) => new(_context, _model, state);
}
