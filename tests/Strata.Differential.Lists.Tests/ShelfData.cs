using Strata.Differential.Lists.Tests.Shelf;

namespace Strata.Differential.Lists.Tests;

/// <summary>Items and parts with lists (empty ones, repeats, case variants), made from a seed; the oracle's rows.</summary>
public sealed class ShelfData
{
    public static readonly string[] Words = ["a", "A", "b", "red", "Red", "x_y", "50%", "", "é"];
    public static readonly int[] Numbers = [0, 1, 2, -1, 7, 100];
    public static readonly double[] Prices = [0, 0.5, 1.25, -2.5, 10];
    public static readonly long[] Sizes = [0, 1, (1L << 53) + 1, -5];

    public List<Item> Items { get; } = [];
    public List<Part> Parts { get; } = [];

    public static ShelfData Generate(int seed)
    {
        var r = new Random(seed);
        var data = new ShelfData();
        List<T> Some<T>(T[] pool) => Enumerable.Range(0, r.Next(0, 4)).Select(_ => pool[r.Next(pool.Length)]).ToList();
        int partId = 1;
        for (int id = 1; id <= 30; id++)
        {
            data.Items.Add(new Item
            {
                Id = id, Name = Words[r.Next(Words.Length)], Tags = Some(Words), Scores = Some(Numbers),
                Colors = Some(Enum.GetValues<Color>()), Prices = Some(Prices),
            });
            for (int i = r.Next(0, 3); i > 0; i--)
                data.Parts.Add(new Part { Id = partId++, ItemId = id, Labels = Some(Words), Sizes = Some(Sizes) });
        }
        return data;
    }
}
