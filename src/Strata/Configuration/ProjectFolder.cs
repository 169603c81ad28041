using Strata.Schema.Loading;

namespace Strata.Configuration;

/// <summary>
/// Where a client looks, so that it and the <c>strata</c> command agree: relative SQLite paths
/// and <c>.env</c> files are taken from the schema's folder, as the CLI takes them, when the app
/// runs in the project folder (development: <c>dotnet run</c>); elsewhere (a published app) relative
/// paths are the app's own folder.
/// </summary>
internal static class ProjectFolder
{
    /// <summary>The folder relative SQLite <c>file:</c> paths resolve against: the options' own, else the schema's folder when it is beside the current folder, else the app's folder.</summary>
    public static string BaseDirectory(StrataOptions options, SchemaDatasource datasource, string? currentDirectory = null) =>
        options.BaseDirectory ?? SchemaFolder(datasource, currentDirectory ?? Environment.CurrentDirectory) ?? AppContext.BaseDirectory;

    /// <summary>The URL the options give, else the schema's: its literal URL, or its variable from the environment or a <c>.env</c> file.</summary>
    /// <param name="options">The client's options.</param>
    /// <param name="datasource">The schema's datasource.</param>
    /// <param name="currentDirectory">The folder the app runs in (the process's when null).</param>
    /// <param name="environment">The process environment (the real one when null).</param>
    public static string Url(StrataOptions options, SchemaDatasource datasource, string? currentDirectory = null, Func<string, string?>? environment = null)
    {
        if (!string.IsNullOrWhiteSpace(options.Url)) return options.Url;
        if (datasource.UrlVariable is { } variable)
        {
            var current = currentDirectory ?? Environment.CurrentDirectory;
            var schemaFolder = SchemaFolder(datasource, current);
            Func<string, string?> lookup;
            try
            {
                lookup = EnvFile.CreateLookup(schemaFolder ?? current, current, environment);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new StrataException(ErrorCodes.InvalidDatabaseUrl, $"The schema's datasource reads env(\"{variable}\"), and a .env file could not be read: {e.Message}", e);
            }
            var value = lookup(variable);
            if (!string.IsNullOrWhiteSpace(value)) return value;
            var places = schemaFolder == null || schemaFolder == current
                ? Path.Combine(current, ".env")
                : $"{Path.Combine(current, ".env")} and {Path.Combine(schemaFolder, ".env")}";
            throw new StrataException(ErrorCodes.InvalidDatabaseUrl,
                $"The schema's datasource reads env(\"{variable}\"), which is not set: set {variable} in the environment or in a .env file (looked in {places}), or give the client a URL.");
        }
        if (!string.IsNullOrWhiteSpace(datasource.Url)) return datasource.Url;
        throw new ArgumentException(datasource == SchemaDatasource.Unknown
            ? "Give the client a URL or connection string (file:./dev.db, postgresql://..., Data Source=..., Host=...), or a DbDataSource."
            : "The schema's datasource has no url: give the client a URL or connection string (file:./dev.db, postgresql://..., Data Source=..., Host=...), or a DbDataSource.", nameof(options));
    }

    /// <summary>The schema's folder when the current folder is the project's (the schema is there), else null.</summary>
    private static string? SchemaFolder(SchemaDatasource datasource, string currentDirectory)
    {
        if (datasource.SchemaFolder == null) return null;
        try
        {
            var folder = Path.GetFullPath(Path.Combine(currentDirectory, datasource.SchemaFolder));
            return Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.prisma").Any() ? folder : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
