namespace Strata.Sqlite.Runtime.TextSearch;

/// <summary>
/// Builds query nodes while an operand without words (null) drops out, as PostgreSQL drops a
/// stop word: <c>a &amp; ""</c> is <c>a</c>, <c>!""</c> is nothing.
/// </summary>
internal static class Combine
{
    public static TextQuery? And(TextQuery? left, TextQuery? right) => left == null ? right : right == null ? left : new AndQuery(left, right);

    public static TextQuery? Or(TextQuery? left, TextQuery? right) => left == null ? right : right == null ? left : new OrQuery(left, right);

    public static TextQuery? Phrase(TextQuery? left, TextQuery? right, int distance) => left == null ? right : right == null ? left : new PhraseQuery(left, right, distance);

    public static TextQuery? Not(TextQuery? operand) => operand == null ? null : new NotQuery(operand);
}
