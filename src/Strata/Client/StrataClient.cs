using System.Data;
using System.Data.Common;
using System.ComponentModel;
using Strata.Execution;

namespace Strata;

/// <summary>
/// The base of generated clients. A client is thread-safe and meant to live long (register it as
/// a singleton): each operation takes a connection from the client's pool, where connections stay
/// open with their prepared commands (or, for an application's data source, from that data source).
/// </summary>
public abstract class StrataClient : IAsyncDisposable, IDisposable
{
    private readonly DbDataSource? _ownedDataSource;

    /// <summary>Connects as <paramref name="options"/> say (generated constructors call this).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected StrataClient(StrataOptions options, StrataProvider schemaProvider, IReadOnlyList<IStrataProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (context, owned) = ClientConnector.Connect(options, schemaProvider, providers);
        Context = context;
        _ownedDataSource = owned;
    }

    /// <summary>A client bound to a transaction's context (generated code calls this).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected StrataClient(StrataContext context) => Context = context;

    /// <summary>Where this client's statements run.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected StrataContext Context { get; }

    /// <summary>The database this client runs on.</summary>
    public string ProviderName => Context.Dialect.Name;

    /// <summary>Runs <paramref name="body"/> with a client bound to one transaction (generated <c>TransactionAsync</c> calls this).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Task<T> RunTransactionAsync<TClient, T>(Func<StrataContext, TClient> bind, Func<TClient, Task<T>> body, IsolationLevel? isolation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Context.InTransactionAsync(context => body(bind(context)), isolation, cancellationToken);
    }

    /// <summary>Closes the client's connections, and disposes the data source when the client created it from a URL.</summary>
    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await Context.CloseAsync().ConfigureAwait(false);
        if (_ownedDataSource != null) await _ownedDataSource.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Closes the client's connections, and disposes the data source when the client created it from a URL.</summary>
    public void Dispose()
    {
        GC.SuppressFinalize(this);
        Context.CloseAsync().AsTask().GetAwaiter().GetResult();
        _ownedDataSource?.Dispose();
    }
}

/// <summary>Implemented by generated clients so DI and tools can create them from options.</summary>
/// <typeparam name="TSelf">The generated client.</typeparam>
public interface IStrataClient<TSelf> where TSelf : StrataClient, IStrataClient<TSelf>
{
    /// <summary>Creates a client.</summary>
    static abstract TSelf Create(StrataOptions options);
}
