using System.Collections;

namespace Strata.Differential.Engine;

/// <summary>Prints generated values as C# and builds the typed lists that In/NotIn take.</summary>
public static class CaseText
{
    public static string Value(object? value) => value switch
    {
        IList list and not byte[] => string.Join(", ", list.Cast<object?>().Select(Value)),
        Enum e => e.GetType().Name + "." + e,
        DateTime d => $"DateTime.Parse(\"{Semantics.Format(d)}\")",
        decimal m => Semantics.Format(m) + "m",
        long l => l + "L",
        byte[] b => "new byte[] { " + string.Join(", ", b) + " }",
        _ => Semantics.Format(value),
    };

    /// <summary>A list of <paramref name="type"/> (In/NotIn on a field take a typed list), so that an empty one keeps its type too.</summary>
    public static IList ListOf(IEnumerable<object> values, Type type)
    {
        var items = values.ToList();
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type))!;
        foreach (var item in items) list.Add(item);
        return list;
    }

    /// <summary>The items of a typed list, as <typeparamref name="T"/>.</summary>
    public static T[] Items<T>(object? list) => ((IList)list!).Cast<T>().ToArray();
}
