using System.Data.Common;
using Strata.Connections;
using Strata.Execution;

namespace Strata;

/// <summary>Picks the provider for a client's options and creates its data source.</summary>
internal static class ClientConnector
{
    public static (StrataContext Context, DbDataSource? Owned, IStrataProvider Provider) Connect(StrataOptions options, StrataProvider schemaProvider, IReadOnlyList<IStrataProvider> providers, SchemaDatasource datasource)
    {
        var logger = StrataContext.CreateLogger(options.LoggerFactory);
        if (options.DataSource is { } given)
        {
            var provider = options.Provider is { } chosen ? Find(chosen, providers)
                : providers.FirstOrDefault(p => p.Owns(given))
                  ?? throw new StrataException(ErrorCodes.InvalidQuery, $"No referenced Strata provider handles a {given.GetType().Name}; reference Strata.Sqlite, Strata.Postgres or Strata.MySql.");
            return (new StrataContext(provider.Dialect, ConnectionPool.Borrowed(given, provider.Dialect), logger, options.LogParameterValues, options.Transactions, options.SlowQueryThreshold, options.TraceStatements), null, provider);
        }
        var url = Configuration.ProjectFolder.Url(options, datasource);
        IStrataProvider selected;
        if (options.Provider is { } explicitProvider) selected = Find(explicitProvider, providers);
        else
        {
            var recognizing = providers.Where(p => p.Recognizes(url)).ToList();
            selected = recognizing.Count switch
            {
                1 => recognizing[0],
                0 when !LooksLikeAnyProvider(url) => throw new StrataException(ErrorCodes.InvalidQuery,
                    $"\"{ConnectionSecrets.Redact(url)}\" is neither a SQLite URL (file:./dev.db, Data Source=...), a PostgreSQL URL (postgresql://..., Host=...) nor a MySQL URL (mysql://..., Server=...)."),
                0 => throw Missing(LooksLikeMySql(url) ? StrataProvider.MySql : LooksLikePostgres(url) ? StrataProvider.PostgreSql : StrataProvider.Sqlite),
                _ => recognizing.FirstOrDefault(p => p.Kind == schemaProvider) ?? recognizing[0],
            };
        }
        DbDataSource dataSource;
        try
        {
            dataSource = selected.CreateDataSource(url, options.WithBaseDirectory(Configuration.ProjectFolder.BaseDirectory(options, datasource)));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new StrataException(ErrorCodes.InvalidDatabaseUrl, $"\"{ConnectionSecrets.Redact(url)}\" is not a valid {selected.Dialect.Name} URL or connection string: {ConnectionSecrets.Redact(e.Message)}", e);
        }
        var pool = ConnectionPool.Own(dataSource, selected.Dialect, selected.LimitsOf(dataSource));
        return (new StrataContext(selected.Dialect, pool, logger, options.LogParameterValues, options.Transactions, options.SlowQueryThreshold, options.TraceStatements), dataSource, selected);
    }

    private static IStrataProvider Find(StrataProvider kind, IReadOnlyList<IStrataProvider> providers) =>
        providers.FirstOrDefault(p => p.Kind == kind) ?? throw Missing(kind);

    private static StrataException Missing(StrataProvider kind) => new(ErrorCodes.InvalidQuery, kind switch
    {
        StrataProvider.Sqlite => "This is a SQLite URL, and the project does not reference Strata.Sqlite: add the package to run on SQLite.",
        StrataProvider.MySql => "This is a MySQL URL, and the project does not reference Strata.MySql: add the package to run on MySQL or MariaDB.",
        _ => "This is a PostgreSQL URL, and the project does not reference Strata.Postgres: add the package to run on PostgreSQL.",
    });

    private static bool LooksLikeMySql(string url) =>
        url.StartsWith("mysql:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("mariadb:", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikePostgres(string url) =>
        url.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) || url.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeAnyProvider(string url) =>
        LooksLikePostgres(url) || LooksLikeMySql(url) || url.Contains("Server=", StringComparison.OrdinalIgnoreCase) || url.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || url.Contains("Data Source=", StringComparison.OrdinalIgnoreCase);
}
