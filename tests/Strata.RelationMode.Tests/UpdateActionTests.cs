using Strata.RelationMode.Tests.Shop;

namespace Strata.RelationMode.Tests;

/// <summary>onUpdate emulated by the client: an update that sets a field a relation refers to.</summary>
public class UpdateActionTests : RelationModeTest
{
    [Theory, MemberData(nameof(Providers))]
    public Task Cascade_gives_the_referring_records_the_new_key_through_every_kind_of_relation(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        await SeedAsync(db);
        await db.Cards.CreateAsync(new CardCreate { Id = 1, OwnerId = 1 }); // one-to-one, onUpdate Cascade by default
        var owner = await db.Owners.UpdateAsync(o => o.Id == 1, new OwnerUpdate { Id = 7 });
        Assert.Equal(7, owner.Id);
        Assert.Equal(I(10, 11), await Ids(db.Racks.Where(r => r.OwnerId == 7).FindManyAsync(), r => r.Id));       // one-to-many
        Assert.Equal(7, (await db.Cards.FindUniqueOrThrowAsync(c => c.Id == 1)).OwnerId);                         // one-to-one
        Assert.Equal(7, (await db.Notes.FindUniqueOrThrowAsync(n => n.Id == 5)).OwnerId);                         // optional key, default Cascade
        Assert.Equal(I(1, 2), await Ids(db.Memberships.FindManyAsync(), m => m.OwnerId == 7 ? 1 : m.OwnerId));   // explicit m2m join model
        Assert.Equal(7, (await db.Fees.FindUniqueOrThrowAsync(f => f.Id == 1)).OwnerId);                          // two levels, composite key
        Assert.Equal(S("2-1", "7-1", "7-2"), await JoinRows(db, provider));                                                 // implicit m2m join rows follow
        var reloaded = await db.Owners.Include(o => o.Tags).FindUniqueOrThrowAsync(o => o.Id == 7);
        Assert.Equal(2, reloaded.Tags!.Count);
        Assert.Equal(I(100, 101, 110, 200), await Ids(db.Items.FindManyAsync(), i => i.Id)); // rack ids did not change: items stay
    });

    [Theory, MemberData(nameof(Providers))]
    public Task UpdateMany_with_an_increment_cascades_the_same_operation(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        await SeedAsync(db);
        Assert.Equal(2, await db.Owners.Where(o => o.Id <= 2).UpdateManyAsync(new OwnerUpdate { Id = Op.Increment(10) }));
        Assert.Equal(I(11, 12), await Ids(db.Owners.FindManyAsync(), o => o.Id));
        Assert.Equal(I(11, 11, 12), await Ids(db.Racks.FindManyAsync(), r => r.OwnerId));
        Assert.Equal(S("11-1", "11-2", "12-1"), await JoinRows(db, provider));
        Assert.Equal(I(11, 12), await Ids(db.Fees.FindManyAsync(), f => f.OwnerId));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task SetNull_on_update_clears_a_one_to_one_foreign_key(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        await SeedAsync(db);
        await db.Badges.CreateAsync(new BadgeCreate { Id = 1, OwnerName = "ann" });
        await db.Owners.UpdateAsync(o => o.Name == "ann", new OwnerUpdate { Name = "anna" });
        Assert.Null((await db.Badges.FindUniqueOrThrowAsync(b => b.Id == 1)).OwnerName);
        // Changing a field no relation refers to leaves the referring records alone.
        await db.Badges.UpdateAsync(b => b.Id == 1, new BadgeUpdate { OwnerName = "bob" });
        await db.Owners.UpdateAsync(o => o.Id == 2, new OwnerUpdate { Racks = new() { Create = [new RackCreate { Id = 21 }] } });
        Assert.Equal("bob", (await db.Badges.FindUniqueOrThrowAsync(b => b.Id == 1)).OwnerName);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Restrict_on_update_refuses_with_P2014_and_changes_nothing(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        await SeedAsync(db);
        await db.Loans.CreateAsync(new LoanCreate { Id = 1, ItemId = 101 });
        var e = await Assert.ThrowsAnyAsync<StrataException>(() => db.Items.UpdateAsync(i => i.Id == 101, new ItemUpdate { Id = 102 }));
        Assert.Equal("P2014", e.Code);
        Assert.Equal(I(100, 101, 110, 200), await Ids(db.Items.FindManyAsync(), i => i.Id));
        // A rack's new id cascades to the items' foreign key, not to the items' id: the loan's Restrict is not reached.
        await db.Racks.UpdateAsync(r => r.Id == 10, new RackUpdate { Id = 12 });
        Assert.Equal(I(11, 12, 12, 20), await Ids(db.Items.FindManyAsync(), i => i.RackId));
        // The explicit many-to-many's other side restricts updates too.
        Assert.Equal("P2014", (await Assert.ThrowsAnyAsync<StrataException>(() => db.Clubs.UpdateAsync(c => c.Id == 1, new ClubUpdate { Id = 2 }))).Code);
        Assert.Equal(2, await db.Memberships.Where(m => m.ClubId == 1).CountAsync());
        // The same in an update with nested writes, and in an upsert's update.
        Assert.Equal("P2014", (await Assert.ThrowsAnyAsync<StrataException>(() =>
            db.Items.UpdateAsync(i => i.Id == 101, new ItemUpdate { Id = 103, Loans = new() { UpdateMany = [new() { Where = _ => Filter.True, Data = new LoanUpdate() }] } }))).Code);
        Assert.Equal("P2014", (await Assert.ThrowsAnyAsync<StrataException>(() =>
            db.Items.UpsertAsync(i => i.Id == 101, new ItemCreate { Id = 101, RackId = 10 }, new ItemUpdate { Id = 104 }))).Code);
        // Without referring records, the key changes.
        await db.Items.UpdateAsync(i => i.Id == 100, new ItemUpdate { Id = 105 });
        Assert.Equal(I(101, 105, 110, 200), await Ids(db.Items.FindManyAsync(), i => i.Id));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task A_self_relation_restricts_updates_of_a_referenced_key(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        await db.Persons.CreateAsync(new PersonCreate { Id = 1 });
        await db.Persons.CreateAsync(new PersonCreate { Id = 2, Manager = new() { Connect = p => p.Id == 1 } });
        Assert.Equal("P2014", (await Assert.ThrowsAnyAsync<StrataException>(() => db.Persons.UpdateAsync(p => p.Id == 1, new PersonUpdate { Id = 3 }))).Code);
        await db.Persons.UpdateAsync(p => p.Id == 2, new PersonUpdate { Id = 4 }); // nobody reports to 2
        Assert.Equal(I(1, 4), await Ids(db.Persons.FindManyAsync(), p => p.Id));
        Assert.Equal(1, (await db.Persons.FindUniqueOrThrowAsync(p => p.Id == 4)).ManagerId);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task A_nested_update_of_a_related_key_cascades(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        await SeedAsync(db);
        await db.Owners.UpdateAsync(o => o.Id == 1, new OwnerUpdate { Racks = new() { Update = [new() { Where = r => r.Id == 11, Data = new RackUpdate { Id = 15 } }] } });
        Assert.Equal(15, (await db.Items.FindUniqueOrThrowAsync(i => i.Id == 110)).RackId);
        await db.Owners.UpdateAsync(o => o.Id == 1, new OwnerUpdate { Racks = new() { UpdateMany = [new() { Where = r => r.Id == 15, Data = new RackUpdate { Id = Op.Increment(1) } }] } });
        Assert.Equal(16, (await db.Items.FindUniqueOrThrowAsync(i => i.Id == 110)).RackId);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task UpsertMany_refuses_to_update_referenced_fields(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        await SeedAsync(db);
        var e = await Assert.ThrowsAnyAsync<StrataException>(() => db.Owners.UpsertManyAsync([new OwnerCreate { Id = 1, Name = "ann2" }]));
        Assert.Equal("P2009", e.Code);
        Assert.Equal("ann", (await db.Owners.FindUniqueOrThrowAsync(o => o.Id == 1)).Name);
    });
}
