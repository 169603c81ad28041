namespace Strata.Migrate.Diffing;

/// <summary>
/// How the indexes (or foreign keys) of a table before and after pair up, matched as Prisma
/// matches them: by shape, not by name. One before with no twin of its shape after is dropped; one
/// after with no twin before is created; one before paired with a twin under another name is a
/// rename, so that a second index of a shape that is already there is left alone.
/// </summary>
/// <param name="Renamed">Pairs of the same shape whose names differ.</param>
/// <param name="Dropped">Those before with no twin after.</param>
/// <param name="Created">Those after with no twin before.</param>
internal sealed record ShapePairing<T>(IReadOnlyList<(T From, T To)> Renamed, IReadOnlyList<T> Dropped, IReadOnlyList<T> Created)
    where T : class
{
    /// <summary>
    /// Pairs up <paramref name="before"/> and <paramref name="after"/>. With <paramref name="sameColumns"/>
    /// (indexes), one before is renamed only when no other before has its columns and kind, and its
    /// twin is the first one after, as Prisma does; without it (foreign keys), each twin after
    /// renames at most one before.
    /// </summary>
    public static ShapePairing<T> Of(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> name, Func<T, T, bool> sameShape, Func<T, T, bool>? sameColumns = null)
    {
        var dropped = before.Where(old => !after.Any(next => sameShape(old, next))).ToList();
        var created = after.Where(next => !before.Any(old => sameShape(old, next))).ToList();
        var renamed = new List<(T, T)>();
        var taken = new HashSet<T>(ReferenceEqualityComparer.Instance);
        foreach (var old in before)
        {
            // Two before of the same columns: which one a rename would mean is unclear, so neither is renamed.
            if (sameColumns != null && before.Count(other => sameColumns(old, other)) != 1) continue;
            var twin = after.FirstOrDefault(next => (sameColumns != null || !taken.Contains(next)) && sameShape(old, next));
            if (twin == null) continue;
            taken.Add(twin);
            if (name(old) != name(twin)) renamed.Add((old, twin));
        }
        return new ShapePairing<T>(renamed, dropped, created);
    }
}
