using Strata.Differential.Engine;
using Strata.Differential.Lists.Tests.Shelf;
using ItemSpec = Strata.Differential.Engine.SpecBuilder<Strata.Differential.Lists.Tests.ShelfData, Strata.Differential.Lists.Tests.Shelf.Item, Strata.Differential.Lists.Tests.Shelf.ItemWhere, Strata.Differential.Lists.Tests.Shelf.ItemFields, Strata.Differential.Lists.Tests.Shelf.ItemInclude, Strata.Differential.Lists.Tests.Shelf.ItemSelect>;
using PartSpec = Strata.Differential.Engine.SpecBuilder<Strata.Differential.Lists.Tests.ShelfData, Strata.Differential.Lists.Tests.Shelf.Part, Strata.Differential.Lists.Tests.Shelf.PartWhere, Strata.Differential.Lists.Tests.Shelf.PartFields, Strata.Differential.Lists.Tests.Shelf.PartInclude, Strata.Differential.Lists.Tests.Shelf.PartSelect>;

namespace Strata.Differential.Lists.Tests;

/// <summary>The specs of Schema/lists.prisma's models; the data is its own index.</summary>
public static class ShelfModel
{
    private static readonly int[] Ids = [0, 1, 2, 5, 10, 20, 31];

    public static ModelSpec Item { get; }
    public static ModelSpec Part { get; }

    public static (ModelSpec, int)[] Roots => [(Item, 60), (Part, 40)];

    static ShelfModel()
    {
        Semantics.EnumNames[typeof(Color)] = e => e is Color.Blue ? "blue" : e.ToString().ToUpperInvariant();
        ScalarSpec[] item =
        [
            ItemSpec.Value("Id", ValueKind.Number, e => e.Id, x => x.Id, x => x.Id, x => x.Id, Ids),
            ItemSpec.Text("Name", false, e => e.Name, x => x.Name, x => x.Name, x => x.Name, ShelfData.Words),
            ItemSpec.List("Tags", e => e.Tags, x => x.Tags, x => x.Tags, x => x.Tags, ShelfData.Words),
            ItemSpec.List("Scores", e => e.Scores, x => x.Scores, x => x.Scores, x => x.Scores, ShelfData.Numbers),
            ItemSpec.List("Colors", e => e.Colors, x => x.Colors, x => x.Colors, x => x.Colors, Enum.GetValues<Color>()),
            ItemSpec.List("Prices", e => e.Prices, x => x.Prices, x => x.Prices, x => x.Prices, ShelfData.Prices),
        ];
        ScalarSpec[] part =
        [
            PartSpec.Value("Id", ValueKind.Number, e => e.Id, x => x.Id, x => x.Id, x => x.Id, Ids),
            PartSpec.Value("ItemId", ValueKind.Number, e => e.ItemId, x => x.ItemId, x => x.ItemId, x => x.ItemId, Ids),
            PartSpec.List("Labels", e => e.Labels, x => x.Labels, x => x.Labels, x => x.Labels, ShelfData.Words),
            PartSpec.List("Sizes", e => e.Sizes, x => x.Sizes, x => x.Sizes, x => x.Sizes, ShelfData.Sizes),
        ];
        Item = new ModelSpec
        {
            Name = "Item", Scalars = item, Key = [item[0]], Rows = d => ((ShelfData)d).Items,
            Cursor = (u, key) => ((ItemUnique)u).Id == (int)key[0]!, Run = (db, c) => QueryRunner.RunAsync(((ShelfDb)db).Items, c), RunSelect = (db, c, row) => QueryRunner.SelectAsync(((ShelfDb)db).Items, c, q => q.Select(x => row(x))),
        };
        Part = new ModelSpec
        {
            Name = "Part", Scalars = part, Key = [part[0]], Rows = d => ((ShelfData)d).Parts,
            Cursor = (u, key) => ((PartUnique)u).Id == (int)key[0]!, Run = (db, c) => QueryRunner.RunAsync(((ShelfDb)db).Parts, c), RunSelect = (db, c, row) => QueryRunner.SelectAsync(((ShelfDb)db).Parts, c, q => q.Select(x => row(x))),
        };
        Item.Relations = [ItemSpec.Many<PartSelect, PartWhere, PartFields, PartInclude>("Parts", () => Part, (d, i) => d.Parts.Where(p => p.ItemId == i.Id), x => x.Parts, x => x.Parts, x => x.Parts, e => e.Parts, x => x.Parts, e => e.RelationCounts?.Parts)];
        Part.Relations = [PartSpec.One<ItemSelect, ItemWhere, ItemFields, ItemInclude>("Item", () => Item, (d, p) => d.Items.Where(i => i.Id == p.ItemId), x => x.Item, x => x.Item, x => x.Item, e => e.Item, x => x.Item)];
    }
}
