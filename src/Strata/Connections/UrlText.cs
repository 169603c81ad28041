using System.Text;

namespace Strata.Connections;

/// <summary>What every server provider's URL parser shares: reading the user info safely, and quoting connection-string values.</summary>
internal static class UrlText
{
    /// <summary>
    /// The URL with its user name and password %-escaped. Prisma asks for reserved characters in a
    /// password to be escaped, and not everyone does: a raw '@', ':', '/', '?' or '#' would make Uri
    /// read part of the password as the host or the database, and a message naming that database
    /// would then show it. The user info runs to the last '@' (as in <see cref="ConnectionSecrets"/>);
    /// escapes already there are kept.
    /// </summary>
    public static string EscapeUserInfo(string url)
    {
        int start = url.IndexOf("://", StringComparison.Ordinal) + 3;
        int at = url.LastIndexOf('@');
        if (at < start) return url;
        var userInfo = url[start..at];
        int colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var escaped = colon < 0 ? Escape(userInfo) : Escape(userInfo[..colon]) + ":" + Escape(userInfo[(colon + 1)..]);
        return url[..start] + escaped + url[at..];
    }

    private static string Escape(string part) => Uri.EscapeDataString(Uri.UnescapeDataString(part));

    /// <summary>A connection-string value, single-quoted when it holds a separator, a quote or a space.</summary>
    public static string Quote(string value)
    {
        if (value.IndexOfAny([';', '=', '\'', '"', ' ']) < 0) return value;
        return new StringBuilder("'").Append(value.Replace("'", "''")).Append('\'').ToString();
    }

    /// <summary>The query of <paramref name="uri"/> as unescaped key/value pairs, in order.</summary>
    public static IEnumerable<(string Key, string Value)> QueryPairs(Uri uri)
    {
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            yield return (Uri.UnescapeDataString(kv[0]), kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "");
        }
    }
}
