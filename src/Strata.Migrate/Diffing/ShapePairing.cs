namespace Strata.Migrate.Diffing;

/// <summary>
/// How the indexes (or foreign keys) of a table before and after pair up, matched as Prisma
/// matches them: by shape, not by name. A twin of the same shape under another name is a rename;
/// one left over whose shape another, kept one already has is a duplicate, left alone.
/// </summary>
/// <param name="Renamed">Pairs of the same shape whose names differ.</param>
/// <param name="Dropped">Those before with no twin after.</param>
/// <param name="Created">Those after with no twin before.</param>
internal sealed record ShapePairing<T>(IReadOnlyList<(T From, T To)> Renamed, IReadOnlyList<T> Dropped, IReadOnlyList<T> Created)
    where T : class
{
    public static ShapePairing<T> Of(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> name, Func<T, T, bool> sameShape)
    {
        var unmatched = before.ToList();
        var pending = new List<T>();
        // Same name and shape first, so that a rename never takes the twin that keeps its name.
        foreach (var next in after)
        {
            var same = unmatched.FirstOrDefault(old => name(old) == name(next) && sameShape(old, next));
            if (same != null) unmatched.Remove(same);
            else pending.Add(next);
        }
        var renamed = new List<(T, T)>();
        var created = new List<T>();
        foreach (var next in pending)
        {
            var twin = unmatched.FirstOrDefault(old => sameShape(old, next));
            if (twin == null)
            {
                created.Add(next);
                continue;
            }
            unmatched.Remove(twin);
            renamed.Add((twin, next));
        }
        var dropped = unmatched.Where(old => !after.Any(next => sameShape(old, next))).ToList();
        return new ShapePairing<T>(renamed, dropped, created);
    }
}
