using System.Collections;
using Strata.Differential.Tests.Oracle;
using Strata.Differential.Tests.World;

namespace Strata.Differential.Tests.Cases;

/// <summary>Prints generated values as C# and builds the typed lists that In/NotIn take.</summary>
public static class CaseText
{
    public static string Value(object? value) => value switch
    {
        IList list and not byte[] => string.Join(", ", list.Cast<object?>().Select(Value)),
        Tier t => "Tier." + t,
        DateTime d => $"DateTime.Parse(\"{Semantics.Format(d)}\")",
        decimal m => Semantics.Format(m) + "m",
        long l => l + "L",
        byte[] b => "new byte[] { " + string.Join(", ", b) + " }",
        _ => Semantics.Format(value),
    };

    /// <summary>A list of the values' own type (In/NotIn on a field take a typed list).</summary>
    public static IList ListOf(IEnumerable<object> values)
    {
        var items = values.ToList();
        if (items.Count == 0) return new List<object>();
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(items[0].GetType()))!;
        foreach (var item in items) list.Add(item);
        return list;
    }

    /// <summary>The items of a typed list, as <typeparamref name="T"/> (an empty untyped list gives none).</summary>
    public static T[] Items<T>(object? list) => ((IList)list!).Cast<T>().ToArray();
}
