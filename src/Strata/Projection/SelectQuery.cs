using Strata.Execution;
using Strata.Metadata;
using Strata.Projection;
using Strata.Queries;

namespace Strata;

/// <summary>
/// A query whose records are projected by a select lambda (Prisma's <c>select</c>):
/// <c>db.Users.Where(...).Select(u =&gt; new { u.Id, u.Email, Posts = u.Posts.Select(p =&gt; p.Title) })</c>.
/// Only the fields and relations the lambda reads are read from the database; the results are of
/// the lambda's type. <c>Select</c> ends a query: Where, order and paging go before it.
/// </summary>
/// <typeparam name="TEntity">The model's entity.</typeparam>
/// <typeparam name="TUnique">The model's unique-criterion proxy.</typeparam>
/// <typeparam name="TResult">What each record becomes.</typeparam>
public sealed class SelectQuery<TEntity, TUnique, TResult>
    where TEntity : class, IStrataEntity where TUnique : IProxy<TUnique>
{
    private readonly StrataContext _context;
    private readonly ModelInfo _model;
    private readonly QueryState _state;
    private readonly Selection _selection;
    private readonly Func<SelectProxy> _create;
    private readonly Func<SelectProxy, TResult> _select;

    internal SelectQuery(StrataContext context, ModelInfo model, QueryState state, Selection selection, Func<SelectProxy> create, Func<SelectProxy, TResult> select)
    {
        _context = context;
        _model = model;
        _state = selection.ToState(state);
        _selection = selection;
        _create = create;
        _select = select;
    }

    /// <summary>The matching records, projected.</summary>
    public Task<List<TResult>> FindManyAsync(CancellationToken cancellationToken = default) =>
        Telemetry.OperationSpan.Run("findMany", _context, _model, this, cancellationToken, static (q, ct) => q.FindManyCoreAsync(ct));

    private async Task<List<TResult>> FindManyCoreAsync(CancellationToken cancellationToken)
    {
        var records = await ReadOperations.FindManyAsync<TEntity>(_context, _model, _state, cancellationToken).ConfigureAwait(false);
        var proxy = Reader();
        var results = new List<TResult>(records.Count);
        foreach (var record in records) results.Add(Project(proxy, record));
        return results;
    }

    /// <summary>The matching records, projected one at a time as they are enumerated (<c>await foreach</c>).</summary>
    public async IAsyncEnumerator<TResult> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var proxy = Reader();
        await foreach (var record in ReadOperations.StreamAsync<TEntity>(_context, _model, _state, cancellationToken).ConfigureAwait(false))
            yield return Project(proxy, record);
    }

    /// <summary>The first matching record in the query's order, projected; the default of <typeparamref name="TResult"/> (null) when there is none.</summary>
    public Task<TResult?> FindFirstAsync(CancellationToken cancellationToken = default) =>
        Telemetry.OperationSpan.Run("findFirst", _context, _model, this, cancellationToken, static (q, ct) => q.FindFirstCoreAsync(ct));

    private async Task<TResult?> FindFirstCoreAsync(CancellationToken cancellationToken)
    {
        var record = await ReadOperations.FindFirstAsync<TEntity>(_context, _model, _state, cancellationToken).ConfigureAwait(false);
        return record == null ? default : Project(Reader(), record);
    }

    /// <summary>The first matching record in the query's order, projected; <see cref="RecordNotFoundException"/> when there is none.</summary>
    public Task<TResult> FindFirstOrThrowAsync(CancellationToken cancellationToken = default) =>
        Telemetry.OperationSpan.Run("findFirstOrThrow", _context, _model, this, cancellationToken, static (q, ct) => q.FindFirstOrThrowCoreAsync(ct));

    private async Task<TResult> FindFirstOrThrowCoreAsync(CancellationToken cancellationToken)
    {
        var record = await ReadOperations.FindFirstAsync<TEntity>(_context, _model, _state, cancellationToken).ConfigureAwait(false)
            ?? throw WriteOperations.NotFound(_model, "FindFirstOrThrow");
        return Project(Reader(), record);
    }

    /// <summary>The record with a unique criterion (and matching the query's Where, if any), projected; the default of <typeparamref name="TResult"/> (null) when there is none.</summary>
    public Task<TResult?> FindUniqueAsync(Func<TUnique, UniqueFilter> where, CancellationToken cancellationToken = default) =>
        Telemetry.OperationSpan.Run("findUnique", _context, _model, (Query: this, Where: where), cancellationToken, static (a, ct) => a.Query.FindUniqueCoreAsync(a.Where, ct));

    private async Task<TResult?> FindUniqueCoreAsync(Func<TUnique, UniqueFilter> where, CancellationToken cancellationToken)
    {
        var record = await FindUniqueRecordAsync(where, cancellationToken).ConfigureAwait(false);
        return record == null ? default : Project(Reader(), record);
    }

    /// <summary>The record with a unique criterion, projected; <see cref="RecordNotFoundException"/> when there is none.</summary>
    public Task<TResult> FindUniqueOrThrowAsync(Func<TUnique, UniqueFilter> where, CancellationToken cancellationToken = default) =>
        Telemetry.OperationSpan.Run("findUniqueOrThrow", _context, _model, (Query: this, Where: where), cancellationToken, static (a, ct) => a.Query.FindUniqueOrThrowCoreAsync(a.Where, ct));

    private async Task<TResult> FindUniqueOrThrowCoreAsync(Func<TUnique, UniqueFilter> where, CancellationToken cancellationToken)
    {
        var record = await FindUniqueRecordAsync(where, cancellationToken).ConfigureAwait(false) ?? throw WriteOperations.NotFound(_model, "FindUniqueOrThrow");
        return Project(Reader(), record);
    }

    private Task<TEntity?> FindUniqueRecordAsync(Func<TUnique, UniqueFilter> where, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        var unique = where(TUnique.Instance) ?? throw new ArgumentNullException(nameof(where));
        return ReadOperations.FindUniqueAsync<TEntity>(_context, _model, _state.Where == null ? unique : unique.And(_state.Where), _state, cancellationToken);
    }

    /// <summary>A proxy in reading mode over the recorded selection: one per call, so concurrent calls of a kept query never share it.</summary>
    private SelectProxy Reader()
    {
        var proxy = _create();
        proxy.StartReading(_selection);
        return proxy;
    }

    private TResult Project(SelectProxy proxy, TEntity record)
    {
        proxy.Position(record);
        return _select(proxy);
    }
}
