using System.ComponentModel;

namespace Strata;

// LINQ's names, which Strata's queries do not offer. Without these members such a call would bind to
// System.Linq's extension methods (for IEnumerable or IAsyncEnumerable) and fail with an error that
// names them; an instance member wins the lookup, so the error is CS0619 with what to use instead.
// None of them can be called: each is obsolete as an error and hidden from IntelliSense.
public abstract partial class Query<TSelf, TEntity, TWhere, TFields, TInclude, TUnique, TCreate, TUpdate>
{
    private const string Prefix = "Strata queries are not LINQ: ";

    /// <summary>Not offered: use <c>FindManyAsync()</c>.</summary>
    [Obsolete(Prefix + "use FindManyAsync() for the list.", error: true), EditorBrowsable(EditorBrowsableState.Never)]
    public Task<List<TEntity>> ToListAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    /// <summary>Not offered: use <c>FindManyAsync()</c>.</summary>
    [Obsolete(Prefix + "use FindManyAsync() for the list.", error: true), EditorBrowsable(EditorBrowsableState.Never)]
    public Task<TEntity[]> ToArrayAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    /// <summary>Not offered: use <c>FindFirstOrThrowAsync()</c>.</summary>
    [Obsolete(Prefix + "use FindFirstOrThrowAsync() (or FindFirstAsync(), which gives null).", error: true), EditorBrowsable(EditorBrowsableState.Never)]
    public Task<TEntity> FirstAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    /// <summary>Not offered: use <c>FindFirstAsync()</c>.</summary>
    [Obsolete(Prefix + "use FindFirstAsync(), which gives null when there is none.", error: true), EditorBrowsable(EditorBrowsableState.Never)]
    public Task<TEntity?> FirstOrDefaultAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    /// <summary>Not offered: use <c>FindUniqueOrThrowAsync(...)</c>.</summary>
    [Obsolete(Prefix + "use FindUniqueOrThrowAsync(u => u.Key == value) (or FindUniqueAsync, which gives null).", error: true), EditorBrowsable(EditorBrowsableState.Never)]
    public Task<TEntity> SingleAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    /// <summary>Not offered: use <c>FindUniqueAsync(...)</c>.</summary>
    [Obsolete(Prefix + "use FindUniqueAsync(u => u.Key == value), which gives null when there is none.", error: true), EditorBrowsable(EditorBrowsableState.Never)]
    public Task<TEntity?> SingleOrDefaultAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    /// <summary>Not offered: use <c>CountAsync()</c> or <c>FindFirstAsync()</c>.</summary>
    [Obsolete(Prefix + "use await query.CountAsync() > 0, or await query.FindFirstAsync() != null.", error: true), EditorBrowsable(EditorBrowsableState.Never)]
    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    /// <summary>Not offered: queries run asynchronously; use <c>FindManyAsync()</c>.</summary>
    [Obsolete(Prefix + "queries run asynchronously; use await FindManyAsync() for the list.", error: true), EditorBrowsable(EditorBrowsableState.Never)]
    public List<TEntity> ToList() => throw new NotSupportedException();

    /// <summary>Not offered: queries run asynchronously; use <c>FindManyAsync()</c>.</summary>
    [Obsolete(Prefix + "queries run asynchronously; use await FindManyAsync() for the list.", error: true), EditorBrowsable(EditorBrowsableState.Never)]
    public TEntity[] ToArray() => throw new NotSupportedException();

    /// <summary>Not offered: use <c>FindFirstOrThrowAsync()</c>.</summary>
    [Obsolete(Prefix + "queries run asynchronously; use await FindFirstOrThrowAsync() (or FindFirstAsync(), which gives null).", error: true), EditorBrowsable(EditorBrowsableState.Never)]
    public TEntity First() => throw new NotSupportedException();

    /// <summary>Not offered: use <c>FindFirstAsync()</c>.</summary>
    [Obsolete(Prefix + "queries run asynchronously; use await FindFirstAsync(), which gives null when there is none.", error: true), EditorBrowsable(EditorBrowsableState.Never)]
    public TEntity? FirstOrDefault() => throw new NotSupportedException();

    /// <summary>Not offered: use <c>CountAsync()</c>.</summary>
    [Obsolete(Prefix + "queries run asynchronously; use await CountAsync().", error: true), EditorBrowsable(EditorBrowsableState.Never)]
    public int Count() => throw new NotSupportedException();

    /// <summary>Not offered: filter with <c>Where</c>, then use <c>CountAsync()</c>.</summary>
    [Obsolete(Prefix + "filter with Where(...), then use await CountAsync() > 0.", error: true), EditorBrowsable(EditorBrowsableState.Never)]
    public bool Any(Func<TEntity, bool>? predicate = null) => throw new NotSupportedException();

    /// <summary>Not offered: use <c>OrderBy(x =&gt; x.Field.Desc())</c>.</summary>
    [Obsolete(Prefix + "order descending with OrderBy(x => x.Field.Desc()).", error: true), EditorBrowsable(EditorBrowsableState.Never)]
    public TSelf OrderByDescending(Func<TFields, FieldRef> order) => throw new NotSupportedException();

    /// <summary>Not offered: call <c>OrderBy</c> again for further keys.</summary>
    [Obsolete(Prefix + "call OrderBy(...) again for each further key.", error: true), EditorBrowsable(EditorBrowsableState.Never)]
    public TSelf ThenBy(Func<TFields, OrderBy> order) => throw new NotSupportedException();

    /// <summary>Not offered: call <c>OrderBy(x =&gt; x.Field.Desc())</c> again for further keys.</summary>
    [Obsolete(Prefix + "call OrderBy(x => x.Field.Desc()) again for each further key.", error: true), EditorBrowsable(EditorBrowsableState.Never)]
    public TSelf ThenByDescending(Func<TFields, FieldRef> order) => throw new NotSupportedException();
}
