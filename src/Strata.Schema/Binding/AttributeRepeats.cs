using System;
using System.Collections.Generic;
using Strata.Schema.Syntax;

namespace Strata.Schema.Binding
{
    /// <summary>
    /// The attributes one field, block or enum value has used so far. An attribute written twice is
    /// reported on every occurrence, the first included, as Prisma reports it: either line may be
    /// the one to remove.
    /// </summary>
    internal sealed class AttributeRepeats
    {
        private readonly Dictionary<string, AttributeSyntax> _first = new Dictionary<string, AttributeSyntax>();
        private readonly HashSet<string> _reported = new HashSet<string>();

        /// <summary>False the first time a name is seen; afterwards true, once <paramref name="report"/> ran for the earlier and this occurrence.</summary>
        public bool IsRepeat(AttributeSyntax attribute, Action<AttributeSyntax> report)
        {
            if (!_first.TryGetValue(attribute.Name, out var first))
            {
                _first[attribute.Name] = attribute;
                return false;
            }
            if (_reported.Add(attribute.Name)) report(first);
            report(attribute);
            return true;
        }
    }
}
