using Strata.Connections;
using static Strata.Connections.UrlText;

namespace Strata.MySql;

/// <summary>
/// Turns a MySQL URL as Prisma writes it (<c>mysql://user:pass@host:3306/db?connection_limit=5</c>)
/// or an ADO.NET connection string (<c>Server=...;User ID=...</c>) into a MySqlConnector connection string.
/// </summary>
public static class MySqlUrl
{
    /// <summary>The MySqlConnector connection string for <paramref name="url"/>.</summary>
    public static string ToConnectionString(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.Trim();
        if (!text.StartsWith("mysql://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("mariadb://", StringComparison.OrdinalIgnoreCase))
        {
            if (text.Contains('=', StringComparison.Ordinal)) return text;
            throw new FormatException($"A MySQL URL starts with \"mysql://\", as in \"mysql://user:password@localhost:3306/app\"; got \"{ConnectionSecrets.Redact(url)}\".");
        }
        if (!Uri.TryCreate(EscapeUserInfo(text), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new FormatException($"\"{ConnectionSecrets.Redact(url)}\" is not a valid MySQL URL. Write it as mysql://user:password@host:3306/database.");
        var parts = new List<string> { $"Server={Quote(uri.Host.Trim('[', ']'))}" };
        parts.Add($"Port={(uri.IsDefaultPort || uri.Port < 0 ? 3306 : uri.Port)}");
        if (uri.UserInfo.Length > 0)
        {
            var userInfo = uri.UserInfo.Split(':', 2);
            parts.Add($"User ID={Quote(Uri.UnescapeDataString(userInfo[0]))}");
            if (userInfo.Length > 1) parts.Add($"Password={Quote(Uri.UnescapeDataString(userInfo[1]))}");
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) parts.Add($"Database={Quote(database)}");
        foreach (var (key, value) in QueryPairs(uri))
        {
            switch (key)
            {
                // Prisma's sslaccept: strict checks the certificate, accept_invalid_certs does not.
                case "sslaccept": parts.Add(value == "strict" ? "SSL Mode=VerifyCA" : "SSL Mode=Required"); break;
                case "sslmode": parts.Add($"SSL Mode={SslMode(value)}"); break;
                case "sslcert": parts.Add($"SSL Cert={Quote(value)}"); break;
                case "sslidentity": parts.Add($"SSL Cert={Quote(value)}"); break;
                case "sslpassword": parts.Add($"Certificate Password={Quote(value)}"); break;
                case "connect_timeout": parts.Add($"Connection Timeout={Quote(value)}"); break;
                case "socket_timeout": parts.Add($"Default Command Timeout={Quote(value)}"); break;
                case "connection_limit": parts.Add($"Maximum Pool Size={Quote(value)}"); break;
                case "pool_timeout": parts.Add($"Connection Timeout={Quote(value)}"); break;
                // A Unix socket instead of TCP: the host part is then ignored, as in Prisma.
                case "socket": parts[0] = $"Server={Quote(value)}"; parts.Add("Protocol=Unix"); break;
            }
        }
        return string.Join(";", parts);
    }

    private static string SslMode(string value) => value.ToLowerInvariant() switch
    {
        "disable" or "disabled" => "None",
        "require" or "required" => "Required",
        "verify-ca" or "verify_ca" => "VerifyCA",
        "verify-full" or "verify_identity" => "VerifyFull",
        _ => "Preferred",
    };
}
