using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Strata;

/// <summary>Registers a generated client with Microsoft.Extensions.DependencyInjection.</summary>
public static class StrataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a singleton (a client is thread-safe and pools
    /// connections), connected as <paramref name="configure"/> says; it logs through the
    /// container's <see cref="ILoggerFactory"/> when the options name none.
    /// </summary>
    public static IServiceCollection AddStrata<TClient>(this IServiceCollection services, Action<StrataOptions> configure)
        where TClient : StrataClient, IStrataClient<TClient>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(provider =>
        {
            var options = new StrataOptions();
            configure(options);
            options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            return TClient.Create(options);
        });
        return services;
    }

    /// <summary>Registers <typeparamref name="TClient"/> as a singleton connected to <paramref name="url"/>.</summary>
    public static IServiceCollection AddStrata<TClient>(this IServiceCollection services, string url)
        where TClient : StrataClient, IStrataClient<TClient> =>
        services.AddStrata<TClient>(options => options.Url = url);

    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a singleton connected to the connection string
    /// <paramref name="name"/> of <paramref name="configuration"/> (<c>ConnectionStrings:name</c>, from
    /// appsettings.json, the environment's <c>ConnectionStrings__name</c>, ...); when it has none, as the
    /// schema's datasource says (its url, or its <c>env("...")</c> variable from the environment or .env).
    /// </summary>
    public static IServiceCollection AddStrata<TClient>(this IServiceCollection services, IConfiguration configuration, string name)
        where TClient : StrataClient, IStrataClient<TClient>
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return services.AddStrata<TClient>(options => options.Url = configuration.GetConnectionString(name));
    }

    /// <summary>Registers <typeparamref name="TClient"/> as a singleton connected as the schema's datasource says (its url, or its <c>env("...")</c> variable).</summary>
    public static IServiceCollection AddStrata<TClient>(this IServiceCollection services)
        where TClient : StrataClient, IStrataClient<TClient> =>
        services.AddStrata<TClient>(_ => { });
}
