using System;
using System.Collections;
using System.Collections.Generic;

namespace Strata.Schema.Semantics
{
    /// <summary>
    /// Elements in schema order with a lookup by name. Binding looks names up for every field type,
    /// foreign key and index field; a list scan there made validation quadratic in the size of the
    /// schema. When two elements share a name (an error reported elsewhere), the first one is found,
    /// as a scan from the start would.
    /// </summary>
    internal sealed class NamedList<T> : IReadOnlyList<T>
    {
        private readonly List<T> _items = new List<T>();
        private readonly Dictionary<string, T> _byName = new Dictionary<string, T>(StringComparer.Ordinal);
        private readonly Func<T, string> _name;

        public NamedList(Func<T, string> name) => _name = name;

        public int Count => _items.Count;

        public T this[int index] => _items[index];

        public void Add(T item)
        {
            _items.Add(item);
            var name = _name(item);
            if (!_byName.ContainsKey(name)) _byName.Add(name, item);
        }

        /// <summary>The first element with this name, or null.</summary>
        public T? Find(string name) => _byName.TryGetValue(name, out var item) ? item : default;

        public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
    }
}
