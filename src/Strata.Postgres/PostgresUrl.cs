using Strata.Connections;
using static Strata.Connections.UrlText;

namespace Strata.Postgres;

/// <summary>
/// Turns a PostgreSQL URL as Prisma writes it
/// (<c>postgresql://user:pass@host:5432/db?schema=public&amp;sslmode=require</c>) or an ADO.NET
/// connection string (<c>Host=...;Username=...</c>) into an Npgsql connection string, and tells
/// which database schema the URL selects.
/// </summary>
public static class PostgresUrl
{
    /// <summary>The Npgsql connection string for <paramref name="url"/>.</summary>
    public static string ToConnectionString(string url) => Parse(url).ConnectionString;

    /// <summary>The connection string and the <c>schema</c> parameter (default <c>public</c>).</summary>
    public static (string ConnectionString, string Schema) Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.Trim();
        if (!text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            if (text.Contains('=', StringComparison.Ordinal)) return (text, "public");
            throw new FormatException($"A PostgreSQL URL starts with \"postgresql://\", as in \"postgresql://user:password@localhost:5432/app\"; got \"{ConnectionSecrets.Redact(url)}\".");
        }
        if (!Uri.TryCreate(EscapeUserInfo(text), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new FormatException($"\"{ConnectionSecrets.Redact(url)}\" is not a valid PostgreSQL URL. Write it as postgresql://user:password@host:5432/database.");
        var parts = new List<string> { $"Host={Quote(uri.Host.Trim('[', ']'))}" };
        parts.Add($"Port={(uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port)}");
        if (uri.UserInfo.Length > 0)
        {
            var userInfo = uri.UserInfo.Split(':', 2);
            parts.Add($"Username={Quote(Uri.UnescapeDataString(userInfo[0]))}");
            if (userInfo.Length > 1) parts.Add($"Password={Quote(Uri.UnescapeDataString(userInfo[1]))}");
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) parts.Add($"Database={Quote(database)}");
        string schema = "public";
        foreach (var (key, value) in UrlText.QueryPairs(uri))
        {
            switch (key)
            {
                case "schema": schema = value; parts.Add($"Search Path={Quote(value)}"); break;
                case "sslmode": parts.Add($"SSL Mode={SslMode(value)}"); break;
                case "connect_timeout": parts.Add($"Timeout={Quote(value)}"); break;
                case "application_name": parts.Add($"Application Name={Quote(value)}"); break;
                case "connection_limit": parts.Add($"Maximum Pool Size={Quote(value)}"); break;
            }
        }
        return (string.Join(";", parts), schema);
    }

    private static string SslMode(string value) => value switch
    {
        "disable" => "Disable",
        "require" => "Require",
        "verify-ca" => "VerifyCA",
        "verify-full" => "VerifyFull",
        _ => "Prefer",
    };
}
