using System.ComponentModel;

namespace Strata.Writes;

/// <summary>
/// The base of generated create and update inputs. Each generated property stores its value by
/// column index and marks it assigned, so a create applies defaults only to what was not set and
/// an update writes only what was set (a member set to null writes NULL).
/// </summary>
public abstract class WriteInput
{
    private readonly object?[] _values;
    private readonly bool[] _assigned;
    private readonly object?[] _relations;

    /// <summary>Creates storage for <paramref name="columns"/> columns and <paramref name="relations"/> relation fields.</summary>
    protected WriteInput(int columns, int relations)
    {
        _values = new object?[columns];
        _assigned = new bool[columns];
        _relations = relations == 0 ? [] : new object?[relations];
    }

    /// <summary>The value of column <paramref name="index"/>, or default when it was not set.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected T GetValue<T>(int index) => _values[index] is T value ? value : default!;

    /// <summary>Sets column <paramref name="index"/> and marks it assigned.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void SetValue(int index, object? value)
    {
        _values[index] = value;
        _assigned[index] = true;
    }

    /// <summary>The nested write of relation <paramref name="index"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected T? GetRelation<T>(int index) where T : class => _relations[index] as T;

    /// <summary>Sets the nested write of relation <paramref name="index"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void SetRelation(int index, object? value) => _relations[index] = value;

    internal bool IsAssigned(int index) => _assigned[index];

    internal object? Value(int index) => _values[index];

    internal void Assign(int index, object? value) => SetValue(index, value);

    internal object? Relation(int index) => _relations.Length == 0 ? null : _relations[index];

    internal bool HasRelationWrites
    {
        get
        {
            foreach (var relation in _relations)
                if (relation != null) return true;
            return false;
        }
    }
}
