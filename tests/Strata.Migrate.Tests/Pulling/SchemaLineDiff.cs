namespace Strata.Migrate.Tests.Pulling;

/// <summary>
/// How two formatted schemas differ, as lines: those only the first has (<c>- </c>) and those only
/// the second has (<c>+ </c>), each with its runs of spaces folded to one, so that a field name of
/// another length, which realigns a whole block, counts as the one line it changes. Lines that both
/// have but in another order show as one entry, <c>~ order</c>.
/// </summary>
public static class SchemaLineDiff
{
    /// <summary>The differences from <paramref name="expected"/> to <paramref name="actual"/>; empty when the texts are equal byte for byte.</summary>
    public static IReadOnlyList<string> Of(string expected, string actual)
    {
        if (expected == actual) return [];
        var left = Lines(expected);
        var right = Lines(actual);
        var onlyLeft = Subtract(left, right);
        var onlyRight = Subtract(right, left);
        var result = onlyLeft.Select(l => "- " + l).Concat(onlyRight.Select(l => "+ " + l)).ToList();
        if (result.Count == 0) result.Add(left.SequenceEqual(right) ? "~ spacing" : "~ order");
        return result;
    }

    private static List<string> Lines(string text) =>
        text.Replace("\r\n", "\n").Split('\n').Select(Fold).Where(l => l.Length > 0).ToList();

    private static string Fold(string line) => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static List<string> Subtract(List<string> from, List<string> other)
    {
        var counts = other.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<string>();
        foreach (var line in from)
        {
            if (counts.TryGetValue(line, out var n) && n > 0) counts[line] = n - 1;
            else result.Add(line);
        }
        return result;
    }
}
