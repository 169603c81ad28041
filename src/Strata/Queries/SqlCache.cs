using System.Collections.Concurrent;

namespace Strata.Queries;

/// <summary>
/// SQL text per query shape (DESIGN decision 7). The key is the shape's tokens; lookups use the
/// token span directly, so a hit allocates nothing. The number of shapes is bounded, since shapes
/// that hold counts (IN lists on SQLite) could otherwise grow without end.
/// </summary>
internal sealed class SqlCache
{
    private const int MaxEntries = 20_000;
    private readonly ConcurrentDictionary<int[], string> _entries = new(ShapeComparer.Instance);
    private readonly ConcurrentDictionary<int[], string>.AlternateLookup<ReadOnlySpan<int>> _lookup;

    public SqlCache() => _lookup = _entries.GetAlternateLookup<ReadOnlySpan<int>>();

    public int Count => _entries.Count;

    public bool TryGet(ReadOnlySpan<int> shape, out string sql) => _lookup.TryGetValue(shape, out sql!);

    public void Add(ReadOnlySpan<int> shape, string sql)
    {
        if (_entries.Count < MaxEntries) _entries.TryAdd(shape.ToArray(), sql);
    }

    private sealed class ShapeComparer : IEqualityComparer<int[]>, IAlternateEqualityComparer<ReadOnlySpan<int>, int[]>
    {
        public static readonly ShapeComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj) => GetHashCode((ReadOnlySpan<int>)obj);

        public bool Equals(ReadOnlySpan<int> alternate, int[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<int> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(alternate));
            return hash.ToHashCode();
        }

        public int[] Create(ReadOnlySpan<int> alternate) => alternate.ToArray();
    }
}
