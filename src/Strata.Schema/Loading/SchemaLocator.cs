using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Strata.Schema.Text;

namespace Strata.Schema.Loading
{
    /// <summary>Where a schema was found: a single file or a folder of <c>.prisma</c> files.</summary>
    /// <param name="Path">The full path of the file or folder.</param>
    /// <param name="IsFolder">True for a multi-file schema.</param>
    public sealed record SchemaLocation(string Path, bool IsFolder)
    {
        /// <summary>The folder that holds the schema (migrations and <c>.env</c> live next to it).</summary>
        public string Directory => IsFolder ? Path : System.IO.Path.GetDirectoryName(Path) ?? ".";
    }

    /// <summary>Finds and reads schema files the way Prisma does.</summary>
    public static class SchemaLocator
    {
        /// <summary>
        /// Finds the schema: <paramref name="explicitPath"/> (a file or a folder) when given; else
        /// <c>prisma/schema.prisma</c>, <c>schema.prisma</c>, then the <c>prisma/schema</c> folder,
        /// relative to <paramref name="workingDirectory"/>. Returns null with a message when none exists.
        /// </summary>
        public static SchemaLocation? Find(string workingDirectory, string? explicitPath, out string? error)
        {
            error = null;
            try
            {
                return FindIn(workingDirectory, explicitPath, out error);
            }
            catch (Exception e) when (e is UnauthorizedAccessException || e is IOException || e is ArgumentException)
            {
                // A folder on the way that cannot be listed, or a path the system cannot take.
                error = $"Cannot look for the schema{(explicitPath != null ? $" at {explicitPath}" : string.Empty)}: {e.Message}";
                return null;
            }
        }

        private static SchemaLocation? FindIn(string workingDirectory, string? explicitPath, out string? error)
        {
            error = null;
            if (explicitPath != null)
            {
                var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(workingDirectory, explicitPath));
                if (File.Exists(full)) return new SchemaLocation(full, false);
                if (System.IO.Directory.Exists(full))
                {
                    if (EnumerateFiles(full).Any()) return new SchemaLocation(full, true);
                    error = $"The folder {explicitPath} holds no .prisma files.";
                    return null;
                }
                error = $"No schema at {explicitPath}: no such file or folder.";
                return null;
            }
            var candidates = new[]
            {
                (System.IO.Path.Combine("prisma", "schema.prisma"), false),
                ("schema.prisma", false),
                (System.IO.Path.Combine("prisma", "schema"), true),
            };
            foreach (var (relative, folder) in candidates)
            {
                var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(workingDirectory, relative));
                if (!folder && File.Exists(full)) return new SchemaLocation(full, false);
                if (folder && System.IO.Directory.Exists(full) && EnumerateFiles(full).Any()) return new SchemaLocation(full, true);
            }
            error = "No schema found. Looked for prisma/schema.prisma, schema.prisma and the prisma/schema folder. Pass --schema PATH, or run `strata init` to create one.";
            return null;
        }

        /// <summary>
        /// Reads the schema's files; paths are shown relative to <paramref name="workingDirectory"/>.
        /// Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when a file
        /// cannot be read, or is not a regular file (a FIFO or a device, which could block or never end).
        /// </summary>
        public static IReadOnlyList<SourceFile> Read(SchemaLocation location, string workingDirectory)
        {
            var paths = location.IsFolder ? EnumerateFiles(location.Path).ToList() : new List<string> { location.Path };
            var files = new List<SourceFile>();
            foreach (var path in paths)
            {
                var shown = DisplayPath(path, workingDirectory);
                FileKind.RequireRegular(path, shown);
                files.Add(new SourceFile(shown, File.ReadAllText(path)));
            }
            return files;
        }

        /// <summary>A path as users should see it: relative to the working directory when inside it.</summary>
        public static string DisplayPath(string path, string workingDirectory)
        {
            var full = System.IO.Path.GetFullPath(path);
            var root = System.IO.Path.GetFullPath(workingDirectory).TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar;
            return full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length) : full;
        }

        private static IEnumerable<string> EnumerateFiles(string folder) =>
            System.IO.Directory.EnumerateFiles(folder, "*.prisma", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal);
    }
}
