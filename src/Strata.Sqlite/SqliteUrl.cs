namespace Strata.Sqlite;

/// <summary>
/// Turns a SQLite URL as Prisma writes it (<c>file:./dev.db</c>, relative to the schema's folder)
/// or an ADO.NET connection string (<c>Data Source=dev.db</c>) into a Microsoft.Data.Sqlite
/// connection string.
/// </summary>
public static class SqliteUrl
{
    /// <summary>The connection string for <paramref name="url"/>; relative files are resolved against <paramref name="baseDirectory"/>.</summary>
    public static string ToConnectionString(string url, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.Trim();
        if (text.Contains('=', StringComparison.Ordinal) && !text.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return text; // already an ADO.NET connection string
        if (!text.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            throw new FormatException($"A SQLite URL starts with \"file:\", as in \"file:./dev.db\"; got \"{ConnectionSecrets.Redact(url)}\".");
        var path = text[5..];
        int query = path.IndexOf('?', StringComparison.Ordinal);
        var mode = query < 0 ? null : Mode(path[(query + 1)..], url);
        if (query >= 0) path = path[..query];
        if (path.StartsWith("//", StringComparison.Ordinal)) path = path[2..];
        if (path.Length == 0) throw new FormatException($"The SQLite URL \"{ConnectionSecrets.Redact(url)}\" names no file.");
        var full = Path.GetFullPath(Path.Combine(baseDirectory, path));
        return $"Data Source={full};Foreign Keys=True" + (mode == null ? "" : ";Mode=" + mode);
    }

    /// <summary>The connection mode a URL's <c>mode=</c> parameter asks for (SQLite's URI names: ro, rw, rwc, memory); other parameters are left to the tools.</summary>
    private static string? Mode(string query, string url)
    {
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0 || !pair[..eq].Equals("mode", StringComparison.OrdinalIgnoreCase)) continue;
            return pair[(eq + 1)..].ToLowerInvariant() switch
            {
                "ro" => "ReadOnly",
                "rw" => "ReadWrite",
                "rwc" => "ReadWriteCreate",
                "memory" => "Memory",
                var other => throw new FormatException($"The SQLite URL \"{url}\" asks for mode={other}; SQLite's modes are ro, rw, rwc and memory."),
            };
        }
        return null;
    }
}
