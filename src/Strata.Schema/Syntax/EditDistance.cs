using System;

namespace Strata.Schema.Syntax
{
    /// <summary>Levenshtein distance, for "did you mean" hints.</summary>
    internal static class EditDistance
    {
        public static bool Within(string a, string b, int max)
        {
            if (Math.Abs(a.Length - b.Length) > max) return false;
            return Compute(a, b) <= max;
        }

        public static int Compute(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++) previous[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                var swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.Length];
        }
    }
}
