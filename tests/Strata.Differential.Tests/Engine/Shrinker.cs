namespace Strata.Differential.Engine;

/// <summary>Smaller variants of a failing query, tried in turn until none still fails, so that a failure reads as a minimal query.</summary>
public static class Shrinker
{
    public static IEnumerable<QueryCase> Candidates(QueryCase q)
    {
        foreach (var rows in RowCandidates(q)) yield return (QueryCase)rows;
        if (q.Cursor != null) yield return q with { Cursor = null };
        if (q.Distinct.Length > 0) yield return q with { Distinct = [] };
        if (q.Distinct.Length > 1) yield return q with { Distinct = q.Distinct[..1] };
    }

    private static IEnumerable<RowsCase> RowCandidates(RowsCase c)
    {
        for (int i = 0; i < c.Includes.Length; i++) yield return c with { Includes = [.. c.Includes[..i], .. c.Includes[(i + 1)..]] };
        for (int i = 0; i < c.Counts.Length; i++) yield return c with { Counts = [.. c.Counts[..i], .. c.Counts[(i + 1)..]] };
        if (c.Where != null)
        {
            yield return c with { Where = null };
            foreach (var s in c.Where.Shrink()) yield return c with { Where = s };
        }
        for (int i = 0; i < c.Order.Length; i++) yield return c with { Order = [.. c.Order[..i], .. c.Order[(i + 1)..]] };
        if (c.Skip != null) yield return c with { Skip = null };
        if (c.Take != null) yield return c with { Take = null };
        if (c.Omit.Length > 0) yield return c with { Omit = [] };
        for (int i = 0; i < c.Includes.Length; i++)
            foreach (var s in RowCandidates(c.Includes[i]))
                yield return c with { Includes = [.. c.Includes[..i], (IncludeCase)s, .. c.Includes[(i + 1)..]] };
    }

    /// <summary>Shrinks <paramref name="failing"/> while <paramref name="fails"/> holds, at most <paramref name="steps"/> times.</summary>
    public static async Task<QueryCase> ShrinkAsync(QueryCase failing, Func<QueryCase, Task<bool>> fails, int steps = 300)
    {
        var current = failing;
        for (int step = 0; step < steps; step++)
        {
            QueryCase? smaller = null;
            foreach (var candidate in Candidates(current))
            {
                if (!await fails(candidate)) continue;
                smaller = candidate;
                break;
            }
            if (smaller == null) return current;
            current = smaller;
        }
        return current;
    }
}
