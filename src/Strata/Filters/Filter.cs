using Strata.Queries;

namespace Strata;

/// <summary>
/// A condition on a model's rows, built by the field proxies of a generated <c>XxxWhere</c> class:
/// <c>u =&gt; u.Age &gt;= 18 &amp;&amp; u.City != null</c>. Combine with <c>&amp;&amp;</c>, <c>||</c>
/// and <c>!</c> (or <see cref="And"/>, <see cref="Or"/>, <see cref="Not"/>), nested freely.
/// Values become parameters; nothing is evaluated in C#.
/// </summary>
public abstract class Filter
{
    private protected Filter() { }

    /// <summary>A filter that every row matches.</summary>
    public static Filter True { get; } = new ConstantFilter(true);

    /// <summary>A filter that no row matches.</summary>
    public static Filter False { get; } = new ConstantFilter(false);

    /// <summary>Rows that match every filter (<c>AND</c>); true when there are none.</summary>
    public static Filter And(params ReadOnlySpan<Filter> filters) => Combine(true, filters);

    /// <summary>Rows that match at least one filter (<c>OR</c>); false when there are none.</summary>
    public static Filter Or(params ReadOnlySpan<Filter> filters) => Combine(false, filters);

    /// <summary>Rows that do not match <paramref name="filter"/> (<c>NOT</c>).</summary>
    public static Filter Not(Filter filter) => filter switch
    {
        null => throw new ArgumentNullException(nameof(filter)),
        NotFilter not => not.Inner,
        ConstantFilter constant => constant.Value ? False : True,
        _ => new NotFilter(filter),
    };

    /// <summary>Both filters (<c>AND</c>); also what <c>&amp;&amp;</c> uses.</summary>
    public static Filter operator &(Filter left, Filter right) => And(left, right);

    /// <summary>Either filter (<c>OR</c>); also what <c>||</c> uses.</summary>
    public static Filter operator |(Filter left, Filter right) => Or(left, right);

    /// <summary>The negation (<c>NOT</c>).</summary>
    public static Filter operator !(Filter filter) => Not(filter);

    /// <summary>Always false, so that <c>&amp;&amp;</c> and <c>||</c> always combine both sides instead of short-circuiting.</summary>
    public static bool operator true(Filter filter) => false;

    /// <summary>Always false, so that <c>&amp;&amp;</c> and <c>||</c> always combine both sides instead of short-circuiting.</summary>
    public static bool operator false(Filter filter) => false;

    /// <summary>Writes the condition on rows of <paramref name="alias"/>, binding its values.</summary>
    internal abstract void Write(SqlWriter writer, string alias);

    private static Filter Combine(bool isAnd, ReadOnlySpan<Filter> filters)
    {
        var parts = new List<Filter>(filters.Length);
        foreach (var filter in filters)
        {
            ArgumentNullException.ThrowIfNull(filter, nameof(filters));
            if (filter is ConstantFilter constant)
            {
                if (constant.Value == isAnd) continue; // neutral element
                return constant;                      // absorbing element
            }
            if (filter is LogicalFilter logical && logical.IsAnd == isAnd) parts.AddRange(logical.Parts);
            else parts.Add(filter);
        }
        return parts.Count switch
        {
            0 => isAnd ? True : False,
            1 => parts[0],
            _ => new LogicalFilter(isAnd, parts.ToArray()),
        };
    }
}

internal sealed class ConstantFilter(bool value) : Filter
{
    public bool Value { get; } = value;

    internal override void Write(SqlWriter writer, string alias) =>
        writer.Sql(Value ? "1 = 1" : "1 = 0");
}

internal sealed class LogicalFilter(bool isAnd, Filter[] parts) : Filter
{
    public bool IsAnd { get; } = isAnd;

    public Filter[] Parts { get; } = parts;

    internal override void Write(SqlWriter writer, string alias)
    {
        writer.Sql('(');
        for (int i = 0; i < Parts.Length; i++)
        {
            if (i > 0) writer.Sql(IsAnd ? " AND " : " OR ");
            Parts[i].Write(writer, alias);
        }
        writer.Sql(')');
    }
}

internal sealed class NotFilter(Filter inner) : Filter
{
    public Filter Inner { get; } = inner;

    internal override void Write(SqlWriter writer, string alias)
    {
        writer.Sql("NOT (");
        Inner.Write(writer, alias);
        writer.Sql(')');
    }
}
