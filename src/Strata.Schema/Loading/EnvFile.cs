using System;
using System.Collections.Generic;
using System.IO;

namespace Strata.Schema.Loading
{
    /// <summary>
    /// Reads <c>.env</c> files: <c>KEY=value</c> lines, optional <c>export </c>, single or double
    /// quotes, <c>#</c> comments. Variables already set in the process environment win, as with Prisma.
    /// </summary>
#if STRATA_RUNTIME
    // Compiled into the runtime too, where the client reads env("...") values the way the CLI does.
    internal static class EnvFile
#else
    public static class EnvFile
#endif
    {
        /// <summary>Parses the text of a .env file.</summary>
        public static Dictionary<string, string> Parse(string text)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var rawLine in text.Split('\n'))
            {
                var line = rawLine.TrimEnd('\r').Trim();
                if (line.Length == 0 || line[0] == '#') continue;
                if (line.StartsWith("export ", StringComparison.Ordinal)) line = line.Substring(7).TrimStart();
                int eq = line.IndexOf('=');
                if (eq <= 0) continue;
                var key = line.Substring(0, eq).Trim();
                var value = line.Substring(eq + 1).Trim();
                if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
                {
                    bool doubleQuoted = value[0] == '"';
                    value = value.Substring(1, value.Length - 2);
                    if (doubleQuoted) value = value.Replace("\\n", "\n").Replace("\\\"", "\"");
                }
                else
                {
                    int hash = value.IndexOf(" #", StringComparison.Ordinal);
                    if (hash >= 0) value = value.Substring(0, hash).TrimEnd();
                }
                values[key] = value;
            }
            return values;
        }

        /// <summary>
        /// A lookup for <c>env("...")</c>: the process environment first, then the <c>.env</c> next to
        /// the schema, then the one in the working directory. Throws <see cref="IOException"/> or
        /// <see cref="UnauthorizedAccessException"/> when a <c>.env</c> that is there cannot be read.
        /// </summary>
        public static Func<string, string?> CreateLookup(string schemaDirectory, string workingDirectory, Func<string, string?>? processEnvironment = null)
        {
            var fromFiles = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var dir in new[] { workingDirectory, schemaDirectory })
            {
                var path = Path.Combine(dir, ".env");
                if (!File.Exists(path)) continue;
                FileKind.RequireRegular(path, path);
                foreach (var pair in Parse(File.ReadAllText(path))) fromFiles[pair.Key] = pair.Value;
            }
            var process = processEnvironment ?? Environment.GetEnvironmentVariable;
            return name => process(name) ?? (fromFiles.TryGetValue(name, out var v) ? v : null);
        }
    }
}
