using System.Collections.Concurrent;
using Strata.Providers;

namespace Strata.Queries;

/// <summary>
/// SQL text per statement shape (DESIGN decision 7). The key is the statement's pieces (see
/// <see cref="SqlPiece"/>), from which the text is rendered, so two keys that are equal always have
/// the same text. Lookups use the piece span directly, so a hit allocates nothing. The number of
/// shapes is bounded, since shapes that hold counts (IN lists on SQLite) could otherwise grow without end.
/// </summary>
internal sealed class SqlCache
{
    private const int MaxEntries = 20_000;
    private readonly ConcurrentDictionary<SqlPiece[], string> _entries = new(ShapeComparer.Instance);
    private readonly ConcurrentDictionary<SqlPiece[], string>.AlternateLookup<ReadOnlySpan<SqlPiece>> _lookup;

    public SqlCache(bool verify)
    {
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<SqlPiece>>();
        Verify = verify;
    }

    /// <summary>
    /// The process-wide verification switch: the <c>Strata.VerifySqlCache</c> AppContext switch or
    /// the environment variable <c>STRATA_VERIFY_SQL_CACHE=1</c>. The test suite runs with it on.
    /// </summary>
    public static bool VerifyByDefault { get; } =
        AppContext.TryGetSwitch("Strata.VerifySqlCache", out var on) ? on : Environment.GetEnvironmentVariable("STRATA_VERIFY_SQL_CACHE") == "1";

    /// <summary>When true, every hit also renders the SQL fresh and throws if it differs from the cached text.</summary>
    public bool Verify { get; }

    public int Count => _entries.Count;

    /// <summary>The SQL of <paramref name="shape"/>: from the cache, or rendered and cached.</summary>
    public string GetOrAdd(SqlDialect dialect, ReadOnlySpan<SqlPiece> shape)
    {
        if (_lookup.TryGetValue(shape, out var sql))
        {
            if (Verify) Check(dialect, shape, sql);
            return sql;
        }
        sql = SqlWriter.Render(dialect, shape);
        if (_entries.Count < MaxEntries) _entries.TryAdd(shape.ToArray(), sql);
        return sql;
    }

    /// <summary>Puts <paramref name="sql"/> under <paramref name="shape"/> as it is (tests use it to show that verification catches a wrong entry).</summary>
    internal void Put(ReadOnlySpan<SqlPiece> shape, string sql) => _entries[shape.ToArray()] = sql;

    private static void Check(SqlDialect dialect, ReadOnlySpan<SqlPiece> shape, string cached)
    {
        var fresh = SqlWriter.Render(dialect, shape);
        if (fresh != cached)
            throw new InvalidOperationException($"SQL cache verification failed: the cached SQL differs from the SQL written fresh for the same key.\ncached: {cached}\nfresh:  {fresh}");
    }

    private sealed class ShapeComparer : IEqualityComparer<SqlPiece[]>, IAlternateEqualityComparer<ReadOnlySpan<SqlPiece>, SqlPiece[]>
    {
        public static readonly ShapeComparer Instance = new();

        public bool Equals(SqlPiece[]? x, SqlPiece[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(SqlPiece[] obj) => GetHashCode((ReadOnlySpan<SqlPiece>)obj);

        public bool Equals(ReadOnlySpan<SqlPiece> alternate, SqlPiece[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<SqlPiece> alternate)
        {
            var hash = new HashCode();
            hash.Add(alternate.Length);
            foreach (var piece in alternate) hash.Add(piece.GetHashCode());
            return hash.ToHashCode();
        }

        public SqlPiece[] Create(ReadOnlySpan<SqlPiece> alternate) => alternate.ToArray();
    }
}
