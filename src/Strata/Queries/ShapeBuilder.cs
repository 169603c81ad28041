namespace Strata.Queries;

/// <summary>A growable list of shape tokens; the key under which a statement's SQL is cached.</summary>
internal sealed class ShapeBuilder
{
    private int[] _items = new int[32];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Span => _items.AsSpan(0, Count);

    public void Add(int token)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = token;
    }
}
