using System.ComponentModel;
using Strata.Execution;
using Strata.Metadata;
using Strata.Queries;
using Strata.Writes;

namespace Strata;

/// <summary>
/// The operations on one model, and the query they act on. A generated client exposes one per
/// model (<c>db.Users</c>); <see cref="Where"/>, <see cref="OrderBy"/>, <see cref="Skip"/>,
/// <see cref="Take"/>, <see cref="Cursor"/>, <see cref="Distinct(Func{TFields, FieldRef[]})"/>,
/// <see cref="Omit(Func{TFields, FieldRef[]})"/> and <see cref="Include"/> return a new query
/// (queries are immutable and can be kept and reused); the <c>...Async</c> methods run it.
/// </summary>
/// <typeparam name="TSelf">The generated query type (<c>UserQuery</c>).</typeparam>
/// <typeparam name="TEntity">The entity (<c>User</c>).</typeparam>
/// <typeparam name="TWhere">The filter proxy (<c>UserWhere</c>).</typeparam>
/// <typeparam name="TFields">The fields proxy for order, distinct and omit (<c>UserFields</c>).</typeparam>
/// <typeparam name="TInclude">The include proxy (<c>UserInclude</c>).</typeparam>
/// <typeparam name="TUnique">The unique-criterion proxy (<c>UserUnique</c>).</typeparam>
/// <typeparam name="TCreate">The create input (<c>UserCreate</c>).</typeparam>
/// <typeparam name="TUpdate">The update input (<c>UserUpdate</c>).</typeparam>
public abstract partial class Query<TSelf, TEntity, TWhere, TFields, TInclude, TUnique, TCreate, TUpdate>
    where TSelf : Query<TSelf, TEntity, TWhere, TFields, TInclude, TUnique, TCreate, TUpdate>
    where TEntity : class, IStrataEntity
    where TWhere : IProxy<TWhere>
    where TFields : IProxy<TFields>
    where TInclude : IProxy<TInclude>
    where TUnique : IProxy<TUnique>
    where TCreate : WriteInput
    where TUpdate : WriteInput
{
    private readonly StrataContext _context;
    private readonly ModelInfo _model;
    private readonly QueryState _state;

    /// <summary>Creates the query of all records (generated code calls this).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Query(StrataContext context, ModelInfo model) : this(context, model, QueryState.Empty) { }

    /// <summary>Continues a query (generated code calls this from <see cref="With(QueryHandle)"/>).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Query(QueryHandle handle) : this(handle.Context, handle.Model, handle.State) { }

    private Query(StrataContext context, ModelInfo model, QueryState state)
    {
        _context = context;
        _model = model;
        _state = state;
    }

    /// <summary>The same query with another state (generated code implements it with its constructor).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract TSelf With(QueryHandle handle);

    /// <summary>Only records that match <paramref name="where"/> (with any earlier Where: both must match).</summary>
    public TSelf Where(Func<TWhere, Filter> where) => With(_state.AndWhere(where(TWhere.Instance)));

    /// <summary>Orders by a field: <c>u =&gt; u.Age.Desc()</c>; call again for further keys.</summary>
    public TSelf OrderBy(Func<TFields, OrderBy> order) => With(_state with { Order = [.. _state.Order, order(TFields.Instance)] });

    /// <summary>Skips the first <paramref name="count"/> records.</summary>
    public TSelf Skip(int count) => With(_state with { Skip = Paging.CheckSkip(count) });

    /// <summary>Takes at most <paramref name="count"/> records; a negative count takes from the end of the order (backward paging).</summary>
    public TSelf Take(int count) => count == int.MinValue
        ? throw new ArgumentOutOfRangeException(nameof(count), count, "Take takes at most int.MaxValue records, forwards or backwards.")
        : With(_state with { Take = count });

    /// <summary>Starts at the record <paramref name="cursor"/> names (included; add <c>Skip(1)</c> to start after it), in the query's order.</summary>
    public TSelf Cursor(Func<TUnique, UniqueFilter> cursor) => With(_state with { Cursor = cursor(TUnique.Instance) });

    /// <summary>Keeps the first record of each distinct combination of the fields, in the query's order.</summary>
    public TSelf Distinct(Func<TFields, FieldRef[]> fields) => With(_state with { Distinct = fields(TFields.Instance).Select(f => f.Column).ToArray() });

    /// <summary>Keeps the first record of each distinct value of the field, in the query's order.</summary>
    public TSelf Distinct(Func<TFields, FieldRef> field) => Distinct(f => [field(f)]);

    /// <summary>Leaves fields out of the results (they keep their default value).</summary>
    public TSelf Omit(Func<TFields, FieldRef[]> fields) => With(_state.Omit(_model, fields(TFields.Instance)));

    /// <summary>Leaves a field out of the results (it keeps its default value).</summary>
    public TSelf Omit(Func<TFields, FieldRef> field) => Omit(f => [field(f)]);

    /// <summary>Loads a relation with each record: <c>u =&gt; u.Todos</c>; call again for more relations.</summary>
    public TSelf Include(Func<TInclude, Include> include) => With(_state.AddInclude(include(TInclude.Instance)));

    /// <summary>
    /// Counts a list relation of each record, without loading it, into the record's <c>RelationCounts</c>
    /// (Prisma's <c>_count</c>): <c>u =&gt; u.Posts</c>, or only matching ones: <c>u =&gt; u.Posts.Where(p =&gt; p.Published)</c>.
    /// </summary>
    public TSelf IncludeCount(Func<TInclude, Include> relation) => With(_state.AddInclude(CountInclude.Of(relation(TInclude.Instance))));

    /// <summary>
    /// Projects the records (Prisma's select): the generated <c>Select</c> calls this. The selector runs once
    /// here, over a recording proxy, to learn which fields, relations and counts it reads.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected SelectQuery<TEntity, TUnique, TResult> Project<TSelect, TResult>(Func<TSelect, TResult> select, Func<TSelect> create)
        where TSelect : SelectProxy<TEntity>
    {
        ArgumentNullException.ThrowIfNull(select);
        if (_state.Omitted != null || _state.Includes.Length > 0)
            throw new StrataException(ErrorCodes.InvalidQuery, "Select chooses the fields and relations itself: it does not combine with Include, IncludeCount or Omit (select relations and counts inside the Select).") { Model = _model.Name };
        var recorder = create();
        select(recorder);
        return new SelectQuery<TEntity, TUnique, TResult>(_context, _model, _state, recorder.Selection, create, p => select((TSelect)p));
    }

    /// <summary>The matching records (Prisma's findMany).</summary>
    public Task<List<TEntity>> FindManyAsync(CancellationToken cancellationToken = default) =>
        Traced("findMany", this, cancellationToken, static (q, ct) => ReadOperations.FindManyAsync<TEntity>(q._context, q._model, q._state, ct));

    /// <summary>
    /// The matching records one at a time, read from the open result as they are enumerated
    /// (<c>await foreach (var u in db.Users.Where(...))</c>). The query does not implement
    /// <see cref="IAsyncEnumerable{T}"/> on purpose: LINQ's operators would then apply to it and
    /// silently filter in memory where a typo in a filter should fail to compile.
    /// </summary>
    public IAsyncEnumerator<TEntity> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        ReadOperations.StreamAsync<TEntity>(_context, _model, _state, cancellationToken).GetAsyncEnumerator(cancellationToken);

    /// <summary>The first matching record in the query's order, or null.</summary>
    public Task<TEntity?> FindFirstAsync(CancellationToken cancellationToken = default) =>
        Traced("findFirst", this, cancellationToken, static (q, ct) => ReadOperations.FindFirstAsync<TEntity>(q._context, q._model, q._state, ct));

    /// <summary>The first matching record in the query's order; <see cref="RecordNotFoundException"/> when there is none.</summary>
    public async Task<TEntity> FindFirstOrThrowAsync(CancellationToken cancellationToken = default) =>
        await FindFirstAsync(cancellationToken).ConfigureAwait(false) ?? throw WriteOperations.NotFound(_model, "FindFirstOrThrow");

    /// <summary>The record with a unique criterion (and matching the query's Where, if any), or null.</summary>
    public Task<TEntity?> FindUniqueAsync(Func<TUnique, UniqueFilter> where, CancellationToken cancellationToken = default) =>
        Traced("findUnique", (Query: this, Unique: Unique(where)), cancellationToken, static (a, ct) => ReadOperations.FindUniqueAsync<TEntity>(a.Query._context, a.Query._model, a.Unique, a.Query._state, ct));

    /// <summary>The record with a unique criterion; <see cref="RecordNotFoundException"/> when there is none.</summary>
    public async Task<TEntity> FindUniqueOrThrowAsync(Func<TUnique, UniqueFilter> where, CancellationToken cancellationToken = default) =>
        await FindUniqueAsync(where, cancellationToken).ConfigureAwait(false) ?? throw WriteOperations.NotFound(_model, "FindUniqueOrThrow");

    /// <summary>The number of matching records (after Skip/Take/Cursor/Distinct, as Prisma counts).</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        Traced("count", this, cancellationToken, static (q, ct) => ReadOperations.CountAsync(q._context, q._model, q._state, ct));

    /// <summary>The number of matching records whose field is not null.</summary>
    public Task<int> CountAsync(Func<TFields, FieldRef> field, CancellationToken cancellationToken = default) =>
        AggregateAsync(a => a.Count(field), cancellationToken);

    /// <summary>The number of distinct non-null values of the field among the matching records.</summary>
    public Task<int> CountDistinctAsync(Func<TFields, FieldRef> field, CancellationToken cancellationToken = default) =>
        AggregateAsync(a => a.CountDistinct(field), cancellationToken);

    /// <summary>
    /// Aggregates over the matching records (Prisma's aggregate), with the query's order and paging
    /// applied first: <c>a =&gt; new { Count = a.Count(), Views = a.Sum(p =&gt; p.Views), Top = a.Max(p =&gt; p.Rating) }</c>.
    /// </summary>
    public Task<TResult> AggregateAsync<TResult>(Func<Aggregates<TFields>, TResult> select, CancellationToken cancellationToken = default) =>
        Traced("aggregate", (Query: this, Select: select), cancellationToken, static (a, ct) => Aggregates.AggregateOperations.AggregateAsync(a.Query._context, a.Query._model, a.Query._state, a.Select, ct));

    /// <summary>Groups the matching records by fields (Prisma's groupBy); the query's Where chooses the records.</summary>
    public GroupQuery<TFields> GroupBy(Func<TFields, FieldRef[]> fields)
    {
        if (_state.SelectsRecords)
            throw new StrataException(ErrorCodes.InvalidQuery, "GroupBy takes the query's Where only: order and page the groups after GroupBy.") { Model = _model.Name };
        var by = fields(TFields.Instance).Select(f => f.Column).Distinct().ToArray();
        if (by.Length == 0) throw new ArgumentException("GroupBy needs at least one field.", nameof(fields));
        foreach (var column in by)
        {
            if (column.IsList || column.Kind is Metadata.ScalarKind.Json)
                throw new StrataException(ErrorCodes.InvalidQuery, $"{_model.Name}.{column.FieldName} cannot be grouped by: it is a {(column.IsList ? "list" : "JSON")} field.") { Model = _model.Name };
        }
        return new GroupQuery<TFields>(_context, _model, new Aggregates.GroupState(_state.Where, by));
    }

    /// <summary>Groups the matching records by one field.</summary>
    public GroupQuery<TFields> GroupBy(Func<TFields, FieldRef> field) => GroupBy(f => [field(f)]);

    /// <summary>Creates a record, with the nested writes of its relations in one transaction; returns it (with the query's Include and Omit).</summary>
    public Task<TEntity> CreateAsync(TCreate data, CancellationToken cancellationToken = default) =>
        Traced("create", (Query: this, Data: NotNull(data)), cancellationToken, static (a, ct) => WriteOperations.CreateAsync<TEntity>(a.Query._context, a.Query._model, a.Data, a.Query._state, ct));

    /// <summary>Creates records with multi-row INSERTs (binary COPY on PostgreSQL), in one transaction; returns how many were created.</summary>
    /// <param name="data">The records.</param>
    /// <param name="skipDuplicates">Skips records that would violate a unique constraint instead of failing.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public Task<int> CreateManyAsync(IEnumerable<TCreate> data, bool skipDuplicates = false, CancellationToken cancellationToken = default) =>
        Traced("createMany", (Query: this, Data: NotNull(data).ToList(), Skip: skipDuplicates), cancellationToken, static (a, ct) => WriteOperations.CreateManyAsync(a.Query._context, a.Query._model, a.Data, a.Skip, ct));

    /// <summary>Creates records like <see cref="CreateManyAsync"/> and returns them.</summary>
    public Task<List<TEntity>> CreateManyAndReturnAsync(IEnumerable<TCreate> data, bool skipDuplicates = false, CancellationToken cancellationToken = default) =>
        Traced("createManyAndReturn", (Query: this, Data: NotNull(data).ToList(), Skip: skipDuplicates), cancellationToken,
            static (a, ct) => WriteOperations.CreateManyAndReturnAsync<TEntity>(a.Query._context, a.Query._model, a.Data, a.Skip, a.Query._state, ct));

    /// <summary>Updates the record with a unique criterion (and matching the query's Where), with the nested writes of its relations in one transaction; <see cref="RecordNotFoundException"/> when there is none.</summary>
    public Task<TEntity> UpdateAsync(Func<TUnique, UniqueFilter> where, TUpdate data, CancellationToken cancellationToken = default) =>
        Traced("update", (Query: this, Unique: Unique(where), Data: NotNull(data)), cancellationToken,
            static (a, ct) => WriteOperations.UpdateAsync<TEntity>(a.Query._context, a.Query._model, a.Unique, a.Data, a.Query._state, ct));

    /// <summary>Updates every matching record; returns how many.</summary>
    public Task<int> UpdateManyAsync(TUpdate data, CancellationToken cancellationToken = default) =>
        Traced("updateMany", (Query: this, Where: RowsFilter("UpdateMany"), Data: NotNull(data)), cancellationToken,
            static (a, ct) => WriteOperations.UpdateManyAsync(a.Query._context, a.Query._model, a.Where, a.Data, ct));

    /// <summary>Updates every matching record; returns them.</summary>
    public Task<List<TEntity>> UpdateManyAndReturnAsync(TUpdate data, CancellationToken cancellationToken = default) =>
        Traced("updateManyAndReturn", (Query: this, Where: RowsFilter("UpdateManyAndReturn"), Data: NotNull(data)), cancellationToken,
            static (a, ct) => WriteOperations.UpdateManyAndReturnAsync<TEntity>(a.Query._context, a.Query._model, a.Where, a.Data, a.Query._state, ct));

    /// <summary>Updates the record with a unique criterion, or creates it when there is none; returns it.</summary>
    public Task<TEntity> UpsertAsync(Func<TUnique, UniqueFilter> where, TCreate create, TUpdate update, CancellationToken cancellationToken = default) =>
        Traced("upsert", (Query: this, Unique: Unique(where), Create: NotNull(create), Update: NotNull(update)), cancellationToken,
            static (a, ct) => WriteOperations.UpsertAsync<TEntity>(a.Query._context, a.Query._model, a.Unique, a.Create, a.Update, a.Query._state, ct));

    /// <summary>Deletes the record with a unique criterion and returns it; <see cref="RecordNotFoundException"/> when there is none.</summary>
    public Task<TEntity> DeleteAsync(Func<TUnique, UniqueFilter> where, CancellationToken cancellationToken = default) =>
        Traced("delete", (Query: this, Unique: Unique(where)), cancellationToken, static (a, ct) => WriteOperations.DeleteAsync<TEntity>(a.Query._context, a.Query._model, a.Unique, a.Query._state, ct));

    /// <summary>Deletes every matching record; returns how many.</summary>
    public Task<int> DeleteManyAsync(CancellationToken cancellationToken = default) =>
        Traced("deleteMany", (Query: this, Where: RowsFilter("DeleteMany")), cancellationToken, static (a, ct) => WriteOperations.DeleteManyAsync(a.Query._context, a.Query._model, a.Where, ct));

    /// <summary>Runs an operation in its telemetry span (<see cref="StrataTelemetry"/>); its arguments travel in <paramref name="args"/>, so nothing is allocated when no one listens.</summary>
    private Task<T> Traced<TArgs, T>(string operation, TArgs args, CancellationToken cancellationToken, Func<TArgs, CancellationToken, Task<T>> run) =>
        Telemetry.OperationSpan.Run(operation, _context, _model, args, cancellationToken, run);

    private TSelf With(QueryState state) => With(new QueryHandle(_context, _model, state));

    /// <summary>The unique criterion, with the query's Where as an extra condition (Prisma's where with non-unique fields).</summary>
    private UniqueFilter Unique(Func<TUnique, UniqueFilter> where)
    {
        var unique = where(TUnique.Instance) ?? throw new ArgumentNullException(nameof(where));
        return _state.Where == null ? unique : unique.And(_state.Where);
    }

    private Filter? RowsFilter(string operation)
    {
        if (_state.SelectsRecords)
            throw new StrataException(ErrorCodes.InvalidQuery, $"{operation} acts on every record the Where matches; it does not take OrderBy, Skip, Take, Cursor or Distinct.") { Model = _model.Name };
        return _state.Where;
    }

    private static T NotNull<T>(T value) where T : class => value ?? throw new ArgumentNullException(nameof(value));
}

/// <summary>What a generated query type's constructor receives to continue a query.</summary>
public readonly struct QueryHandle
{
    internal QueryHandle(StrataContext context, ModelInfo model, QueryState state)
    {
        Context = context;
        Model = model;
        State = state;
    }

    internal StrataContext Context { get; }

    internal ModelInfo Model { get; }

    internal QueryState State { get; }
}
