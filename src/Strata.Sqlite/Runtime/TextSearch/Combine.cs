namespace Strata.Sqlite.Runtime.TextSearch;

/// <summary>
/// Builds query nodes while an operand without words (null) drops out, as PostgreSQL drops a
/// stop word: <c>a &amp; ""</c> is <c>a</c>, <c>!""</c> is nothing.
/// </summary>
internal static class Combine
{
    public static TextQuery? And(TextQuery? left, TextQuery? right) => left == null ? right : right == null ? left : Chain(left, right, static (a, b) => new AndQuery(a, b));

    public static TextQuery? Or(TextQuery? left, TextQuery? right) => left == null ? right : right == null ? left : Chain(left, right, static (a, b) => new OrQuery(a, b));

    public static TextQuery? Phrase(TextQuery? left, TextQuery? right, int distance) => left == null ? right : right == null ? left : new PhraseQuery(left, right, distance);

    /// <summary>Adds to a chain of the same operator (the parser builds chains from the left), else starts one.</summary>
    private static TQuery Chain<TQuery>(TextQuery left, TextQuery right, Func<TextQuery, TextQuery, TQuery> create) where TQuery : ChainQuery
    {
        if (left is not TQuery chain) return create(left, right);
        chain.Add(right);
        return chain;
    }

    public static TextQuery? Not(TextQuery? operand) => operand == null ? null : new NotQuery(operand);
}
