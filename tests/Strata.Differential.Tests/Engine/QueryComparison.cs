
namespace Strata.Differential.Engine;

/// <summary>Runs a generated query on a database and says how its answer differs from the oracle's.</summary>
public static class QueryComparison
{
    /// <summary>
    /// Why the database's rows (FindMany, CountAsync, and the same query as a Select of the same
    /// fields, relations and counts) differ from the oracle's; null when they do not.
    /// </summary>
    public static async Task<string?> DifferenceAsync(Evaluator evaluator, object client, QueryCase query)
    {
        if (evaluator.Semantics.RefusesSearch && query.UsesSearch) return await RefusalAsync(() => query.Model.Run(client, query));
        var expectedRows = evaluator.Rows(query);
        var expected = ResultText.Rows(query.Model, query, expectedRows, evaluator.Children, evaluator.Count);
        List<object> rows;
        int count;
        try
        {
            (rows, count) = await query.Model.Run(client, query);
        }
        catch (Exception e)
        {
            return $"it threw {e.GetType().Name}: {e.Message}";
        }
        if (count != expectedRows.Count) return $"CountAsync gave {count}, the oracle {expectedRows.Count}";
        var actual = ResultText.Rows(query.Model, query, rows, ResultText.Included, ResultText.Counted);
        if (!expected.SequenceEqual(actual)) return Differ("rows differ", expected, actual);
        if (query.Model.RunSelect == null) return null;
        List<string> selected;
        try
        {
            selected = await SelectText.RowsAsync(query.Model, client, query);
        }
        catch (Exception e)
        {
            return $"as a Select it threw {e.GetType().Name}: {e.Message}";
        }
        return expected.SequenceEqual(selected) ? null : Differ("rows of the Select differ", expected, selected);
    }

    /// <summary>Why a query the provider must refuse (P2009, before anything runs) was not refused; null when it was.</summary>
    public static async Task<string?> RefusalAsync(Func<Task> run)
    {
        try
        {
            await run();
            return "it ran, and the provider refuses full-text search (P2009)";
        }
        catch (StrataException e) when (e.Code == ErrorCodes.InvalidQuery)
        {
            return null;
        }
        catch (Exception e)
        {
            return $"it threw {e.GetType().Name}: {e.Message}, where the provider refuses full-text search (P2009)";
        }
    }

    private static string Differ(string what, List<string> expected, List<string> actual) =>
        what + "\n  expected:\n    " + string.Join("\n    ", expected) + "\n  actual:\n    " + string.Join("\n    ", actual);
}
