using System.Data;
using System.Data.Common;
using System.ComponentModel;
using Strata.Execution;
using Strata.Transactions;

namespace Strata;

/// <summary>
/// The base of generated clients. A client is thread-safe and meant to live long (register it as
/// a singleton): each operation takes a connection from the client's pool, where connections stay
/// open with their prepared commands (or, for an application's data source, from that data source).
/// </summary>
public abstract class StrataClient : IAsyncDisposable, IDisposable
{
    private readonly DbDataSource? _ownedDataSource;
    // Null in a transaction's client. The migrator and the migrations folder are found when first
    // needed: an application that does not migrate loads no migrations assembly and reads no folder.
    private readonly IStrataProvider? _provider;
    private readonly Func<string>? _migrationsFolder;

    /// <summary>Connects as <paramref name="options"/> say (generated constructors call this).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected StrataClient(StrataOptions options, StrataProvider schemaProvider, IReadOnlyList<IStrataProvider> providers)
        : this(options, schemaProvider, providers, SchemaDatasource.Unknown) { }

    /// <summary>
    /// Connects as <paramref name="options"/> say, or, when they give no URL or data source, as the
    /// schema's <paramref name="datasource"/> does (generated constructors call this).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected StrataClient(StrataOptions options, StrataProvider schemaProvider, IReadOnlyList<IStrataProvider> providers, SchemaDatasource datasource)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(datasource);
        var (context, owned, provider) = ClientConnector.Connect(options, schemaProvider, providers, datasource);
        Context = context;
        _ownedDataSource = owned;
        _provider = provider;
        var current = Environment.CurrentDirectory; // the folder the client was made in, as the URL was resolved
        _migrationsFolder = () => Path.Combine(Configuration.ProjectFolder.BaseDirectory(options, datasource, current), "migrations");
    }

    /// <summary>A client bound to a transaction's context (generated code calls this).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected StrataClient(StrataContext context) => Context = context;

    /// <summary>Where this client's statements run.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected StrataContext Context { get; }

    /// <summary>The database this client runs on.</summary>
    public string ProviderName => Context.Dialect.Name;

    /// <summary>
    /// Applies the migrations that the database lacks, as <c>strata migrate deploy</c> does, and returns
    /// their names: call it at start-up, before the first query. Several instances starting at once
    /// apply each migration once (the deploy lock: an advisory lock on PostgreSQL, the write lock on
    /// SQLite). The folder is <c>migrations</c> beside the schema when the app runs in its project
    /// folder, else beside the app (copy it to the output); name another with <paramref name="migrationsFolder"/>.
    /// A migration that fails is <see cref="ErrorCodes.MigrationFailed"/> (P3018); an earlier failure
    /// not yet resolved stops every deploy with <see cref="ErrorCodes.MigrationsBlocked"/> (P3009).
    /// </summary>
    public Task<IReadOnlyList<string>> MigrateAsync(string? migrationsFolder = null, CancellationToken cancellationToken = default) =>
        OnMigrationConnectionAsync((migrator, connection, folder) => migrator.DeployAsync(connection, folder, cancellationToken), migrationsFolder, cancellationToken);

    /// <summary>The migrations folder (as for <see cref="MigrateAsync"/>) compared with the database's history.</summary>
    public Task<MigrationState> MigrationStatusAsync(string? migrationsFolder = null, CancellationToken cancellationToken = default) =>
        OnMigrationConnectionAsync((migrator, connection, folder) => migrator.StatusAsync(connection, folder, cancellationToken), migrationsFolder, cancellationToken);

    /// <summary>Runs a raw statement in its telemetry span.</summary>
    private Task<T> Raw<T>(string operation, Statement statement, CancellationToken cancellationToken, Func<StrataContext, Statement, CancellationToken, Task<T>> run) =>
        Telemetry.OperationSpan.Run(operation, Context, null, (Context, Statement: statement, Run: run), cancellationToken, static (a, ct) => a.Run(a.Context, a.Statement, ct));

    private async Task<T> OnMigrationConnectionAsync<T>(Func<IStrataMigrator, DbConnection, string, Task<T>> run, string? migrationsFolder, CancellationToken cancellationToken)
    {
        if (_provider == null || Context.InTransaction)
            throw new StrataException(ErrorCodes.InvalidQuery, "Migrations are applied by the client itself, not inside a transaction.");
        var lease = await Context.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await run(_provider.Migrator, lease.Connection, migrationsFolder ?? _migrationsFolder!()).ConfigureAwait(false);
        }
        finally
        {
            // Closed rather than kept: commands the connection prepared may describe tables as they were before.
            lease.Failed = true;
            await Context.ReleaseAsync(lease).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs a raw SQL query and reads each row as <typeparamref name="T"/>: a generated entity or a
    /// <see cref="RawRowAttribute"/> type (columns matched by name), or a scalar (the one column).
    /// Every hole of the interpolated string is a bound parameter:
    /// <c>db.QueryRawAsync&lt;User&gt;($"SELECT * FROM \"User\" WHERE id = {id}")</c>.
    /// Inside a transaction it runs in the transaction.
    /// </summary>
    public Task<List<T>> QueryRawAsync<T>(RawSql sql, CancellationToken cancellationToken = default) =>
        Raw("queryRaw", RawOperations.Safe(Context, sql), cancellationToken, static (c, s, ct) => RawOperations.QueryAsync<T>(c, s, ct));

    /// <summary>Runs a raw SQL statement (holes bound as parameters) and returns the number of rows it changed.</summary>
    public Task<int> ExecuteRawAsync(RawSql sql, CancellationToken cancellationToken = default) =>
        Raw("executeRaw", RawOperations.Safe(Context, sql), cancellationToken, static (c, s, ct) => RawOperations.ExecuteAsync(c, s, ct));

    /// <summary>
    /// Runs SQL text as it is, with <paramref name="parameters"/> bound to its placeholders <c>$1</c>,
    /// <c>$2</c>, ... (on every database). Unsafe: whatever built <paramref name="sql"/> decides what runs, so
    /// never put outside input into it; prefer <see cref="QueryRawAsync{T}"/>.
    /// </summary>
    public Task<List<T>> QueryRawUnsafeAsync<T>(string sql, params object?[] parameters) =>
        Raw("queryRawUnsafe", RawOperations.Unsafe(sql, parameters), CancellationToken.None, static (c, s, ct) => RawOperations.QueryAsync<T>(c, s, ct));

    /// <summary>Like <see cref="QueryRawUnsafeAsync{T}(string, object[])"/>, with a cancellation token.</summary>
    public Task<List<T>> QueryRawUnsafeAsync<T>(string sql, object?[] parameters, CancellationToken cancellationToken) =>
        Raw("queryRawUnsafe", RawOperations.Unsafe(sql, parameters), cancellationToken, static (c, s, ct) => RawOperations.QueryAsync<T>(c, s, ct));

    /// <summary>Runs SQL text as it is, its placeholders <c>$1</c>, <c>$2</c>, ... bound to <paramref name="parameters"/>; returns the number of rows changed. Unsafe, as <see cref="QueryRawUnsafeAsync{T}(string, object[])"/>.</summary>
    public Task<int> ExecuteRawUnsafeAsync(string sql, params object?[] parameters) =>
        Raw("executeRawUnsafe", RawOperations.Unsafe(sql, parameters), CancellationToken.None, static (c, s, ct) => RawOperations.ExecuteAsync(c, s, ct));

    /// <summary>Like <see cref="ExecuteRawUnsafeAsync(string, object[])"/>, with a cancellation token.</summary>
    public Task<int> ExecuteRawUnsafeAsync(string sql, object?[] parameters, CancellationToken cancellationToken) =>
        Raw("executeRawUnsafe", RawOperations.Unsafe(sql, parameters), cancellationToken, static (c, s, ct) => RawOperations.ExecuteAsync(c, s, ct));

    /// <summary>
    /// Runs <paramref name="body"/> with a client bound to one transaction, or to a savepoint inside this
    /// client's transaction (generated <c>TransactionAsync</c> and <c>BatchAsync</c> call this).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Task<T> RunTransactionAsync<TClient, T>(Func<StrataContext, TClient> bind, Func<TClient, Task<T>> body, TransactionOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(body);
        return TransactionRunner.RunAsync(Context, context => body(bind(context)), options, cancellationToken);
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
