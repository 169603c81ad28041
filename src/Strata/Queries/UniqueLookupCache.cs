using System.Collections.Concurrent;
using Strata.Metadata;

namespace Strata.Queries;

/// <summary>
/// The statement of a plain unique lookup (<c>FindUnique(p =&gt; p.Id == id)</c> on a query with no
/// Where, Omit or Include), kept per unique criterion so the next lookup binds its values into it
/// without writing the statement again: writing it and finding its text in the <see cref="SqlCache"/>
/// cost about a tenth of a one-row read on SQLite (docs/benchmarks.md). The first lookup writes the
/// statement as every query does and learns which parameter holds which value of the criterion;
/// with <see cref="SqlCache.Verify"/> on, every later one is checked against a freshly written statement.
/// </summary>
internal sealed class UniqueLookupCache
{
    private readonly ConcurrentDictionary<UniqueInfo, Template?> _templates = new(ReferenceEqualityComparer.Instance);

    /// <summary>The statement for <paramref name="unique"/>'s values, or false when none is kept for its criterion yet (or can be).</summary>
    public bool TryBind(ModelInfo model, UniqueFilter unique, out string sql, out QueryParameter[] parameters)
    {
        sql = "";
        parameters = [];
        if (!_templates.TryGetValue(unique.Unique, out var template) || template == null || !ReferenceEquals(template.Model, model)) return false;
        sql = template.Sql;
        parameters = new QueryParameter[template.Slots.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            int slot = template.Slots[i];
            parameters[i] = slot < 0 ? template.Parameters[i] : template.Parameters[i] with { Value = unique.Values[slot] };
        }
        return true;
    }

    /// <summary>
    /// Keeps the statement that was written for <paramref name="unique"/> when each of its parameters is
    /// either one of the criterion's values, as given (the same object), or holds no column's value (the
    /// LIMIT): anything else (a value the dialect converted) could not be bound again, so the criterion
    /// is then marked as having no template and is always written.
    /// </summary>
    public void Learn(ModelInfo model, UniqueFilter unique, string sql, QueryParameter[] parameters)
    {
        if (_templates.ContainsKey(unique.Unique)) return;
        var slots = new int[parameters.Length];
        var seen = new bool[unique.Values.Length];
        bool bindable = true;
        for (int i = 0; i < parameters.Length && bindable; i++)
        {
            slots[i] = Array.FindIndex(unique.Values, v => ReferenceEquals(v, parameters[i].Value));
            if (slots[i] >= 0 && !seen[slots[i]]) seen[slots[i]] = true;
            else if (slots[i] >= 0 || parameters[i].Column != null) bindable = false;
        }
        bindable &= Array.TrueForAll(seen, s => s);
        _templates.TryAdd(unique.Unique, bindable ? new Template(model, sql, parameters, slots) : null);
    }

    /// <summary>The kept statement: its parameters as first written, and for each the criterion value it takes (-1: as written).</summary>
    private sealed record Template(ModelInfo Model, string Sql, QueryParameter[] Parameters, int[] Slots);
}
