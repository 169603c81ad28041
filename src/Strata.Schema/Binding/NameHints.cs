using System;
using System.Collections.Generic;
using Strata.Schema.Syntax;

namespace Strata.Schema.Binding
{
    /// <summary>
    /// "Did you mean" hints for names that are not declared. Finding a name within two edits costs a
    /// comparison with every candidate, and a broken schema can have thousands of unknown names
    /// against thousands of declared ones: unbounded, that search made validation quadratic. The
    /// searches of one compilation share a budget of comparisons; once it is spent only the
    /// dictionary lookup of a name that differs in case is left, so a schema with a few mistakes
    /// gets every hint and a huge broken one still validates in linear time.
    /// </summary>
    internal sealed class NameHints
    {
        /// <summary>Comparisons one compilation may spend on edit-distance hints.</summary>
        internal const int ComparisonBudget = 250_000;

        private int _spent;

        /// <summary>Comparisons spent so far; tests read it to see that the budget holds.</summary>
        internal int Spent => _spent;

        /// <summary>
        /// The candidate that equals <paramref name="name"/> but for case (from <paramref name="byFoldedName"/>,
        /// a case-insensitive dictionary, when given), else the first within two edits while the budget lasts, else null.
        /// </summary>
        public string? Near(IEnumerable<string> candidates, string name, IReadOnlyDictionary<string, string>? byFoldedName = null)
        {
            if (byFoldedName != null && byFoldedName.TryGetValue(name, out var sameButCase)) return sameButCase;
            if (_spent >= ComparisonBudget) return null;
            string folded = name.ToLowerInvariant();
            foreach (var candidate in candidates)
            {
                if (_spent >= ComparisonBudget) return null;
                _spent++;
                if (EditDistance.Within(candidate.ToLowerInvariant(), folded, 2)) return candidate;
            }
            return null;
        }

        /// <summary>A case-insensitive dictionary of <paramref name="names"/>, the first of each spelling kept.</summary>
        public static Dictionary<string, string> ByFoldedName(IEnumerable<string> names)
        {
            var byFolded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in names)
            {
                if (!byFolded.ContainsKey(name)) byFolded.Add(name, name);
            }
            return byFolded;
        }
    }
}
