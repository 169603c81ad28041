using Strata.RelationMode.Tests.Shop;

namespace Strata.RelationMode.Tests;

/// <summary>onDelete emulated by the client: Cascade, SetNull, Restrict, and the join rows of implicit many-to-many relations.</summary>
public class DeleteActionTests : RelationModeTest
{
    [Theory, MemberData(nameof(Providers))]
    public Task Cascade_deletes_two_levels_of_one_to_many(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        await SeedAsync(db);
        var deleted = await db.Owners.Include(o => o.Racks).DeleteAsync(o => o.Id == 1);
        Assert.Equal("ann", deleted.Name);
        Assert.Equal(2, deleted.Racks!.Count); // read before the cascade deleted them
        Assert.Equal(I(20), await Ids(db.Racks.FindManyAsync(), s => s.Id));
        Assert.Equal(I(200), await Ids(db.Items.FindManyAsync(), i => i.Id));
        // The explicit many-to-many's join model cascades too, and through it the composite foreign key of Fee.
        Assert.Equal(I(2), await Ids(db.Memberships.FindManyAsync(), m => m.OwnerId));
        Assert.Equal(I(2), await Ids(db.Fees.FindManyAsync(), f => f.Id));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task SetNull_clears_the_foreign_keys_of_one_to_many_and_one_to_one(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        await SeedAsync(db);
        await db.Badges.CreateAsync(new BadgeCreate { Id = 1, OwnerName = "ann" });
        await db.Owners.DeleteAsync(o => o.Id == 1);
        Assert.Null((await db.Notes.FindUniqueOrThrowAsync(n => n.Id == 5)).OwnerId);   // Prisma's default for an optional key
        Assert.Equal(2, (await db.Notes.FindUniqueOrThrowAsync(n => n.Id == 6)).OwnerId);
        Assert.Null((await db.Badges.FindUniqueOrThrowAsync(b => b.Id == 1)).OwnerName);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Restrict_of_a_one_to_one_refuses_with_P2014_and_changes_nothing(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        await SeedAsync(db);
        await db.Cards.CreateAsync(new CardCreate { Id = 1, OwnerId = 1 }); // required key: Restrict by default
        var e = await Assert.ThrowsAnyAsync<StrataException>(() => db.Owners.DeleteAsync(o => o.Id == 1));
        Assert.Equal("P2014", e.Code);
        Assert.Equal(2, await db.Owners.CountAsync());
        Assert.Equal(I(10, 11, 20), await Ids(db.Racks.FindManyAsync(), s => s.Id)); // the cascade that ran first is rolled back
        Assert.Equal(1, (await db.Notes.FindUniqueOrThrowAsync(n => n.Id == 5)).OwnerId);
        await db.Cards.DeleteAsync(c => c.Id == 1);
        await db.Owners.DeleteAsync(o => o.Id == 1);
        Assert.Equal(1, await db.Owners.CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task A_cascade_two_levels_deep_that_reaches_a_Restrict_rolls_everything_back(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        await SeedAsync(db);
        await db.Loans.CreateAsync(new LoanCreate { Id = 1, ItemId = 101 }); // Owner 1 -> Rack 10 -> Item 101 <- Loan (Restrict)
        var e = await Assert.ThrowsAnyAsync<StrataException>(() => db.Owners.DeleteAsync(o => o.Id == 1));
        Assert.Equal("P2014", e.Code);
        Assert.Contains("Loan", e.Message);
        Assert.Equal(I(1, 2), await Ids(db.Owners.FindManyAsync(), o => o.Id));
        Assert.Equal(I(10, 11, 20), await Ids(db.Racks.FindManyAsync(), s => s.Id));
        Assert.Equal(I(100, 101, 110, 200), await Ids(db.Items.FindManyAsync(), i => i.Id));
        Assert.Equal(1, (await db.Notes.FindUniqueOrThrowAsync(n => n.Id == 5)).OwnerId);
        Assert.Equal(S("1-1", "1-2", "2-1"), await JoinRows(db, provider));
        Assert.Equal(2, await db.Fees.CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task A_self_relation_restricts(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        await db.Persons.CreateAsync(new PersonCreate { Id = 1 });
        await db.Persons.CreateAsync(new PersonCreate { Id = 2, ManagerId = 1 });
        var e = await Assert.ThrowsAnyAsync<StrataException>(() => db.Persons.DeleteAsync(p => p.Id == 1));
        Assert.Equal("P2014", e.Code);
        // Deleting both at once still finds a record that refers to one of them, as Prisma does.
        Assert.Equal("P2014", (await Assert.ThrowsAnyAsync<StrataException>(() => db.Persons.DeleteManyAsync())).Code);
        Assert.Equal(2, await db.Persons.CountAsync());
        await db.Persons.DeleteAsync(p => p.Id == 2);
        await db.Persons.DeleteAsync(p => p.Id == 1);
        Assert.Equal(0, await db.Persons.CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Deleting_either_side_of_an_implicit_many_to_many_removes_its_join_rows(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        await SeedAsync(db);
        await db.Owners.DeleteAsync(o => o.Id == 1);
        Assert.Equal(S("2-1"), await JoinRows(db, provider));
        // A new record with the old id does not inherit the old links.
        var again = await db.Owners.Include(o => o.Tags).CreateAsync(new OwnerCreate { Id = 1, Name = "ann again" });
        Assert.Empty(again.Tags!);
        await db.Tags.DeleteAsync(t => t.Id == 1);
        Assert.Empty(await JoinRows(db, provider));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Explicit_many_to_many_cascades_from_one_side_and_restricts_from_the_other(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        await SeedAsync(db);
        Assert.Equal("P2014", (await Assert.ThrowsAnyAsync<StrataException>(() => db.Clubs.DeleteAsync(c => c.Id == 1))).Code);
        await db.Owners.DeleteManyAsync();
        Assert.Equal(0, await db.Memberships.CountAsync());
        Assert.Equal(0, await db.Fees.CountAsync());
        await db.Clubs.DeleteAsync(c => c.Id == 1);
        Assert.Equal(0, await db.Clubs.CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task DeleteMany_runs_the_actions_for_every_record_it_deletes(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        await SeedAsync(db);
        await db.Owners.CreateAsync(new OwnerCreate { Id = 3, Name = "cid" });
        Assert.Equal(2, await db.Owners.Where(o => o.Id <= 2).DeleteManyAsync());
        Assert.Equal(I(3), await Ids(db.Owners.FindManyAsync(), o => o.Id));
        Assert.Equal(0, await db.Racks.CountAsync());
        Assert.Equal(0, await db.Items.CountAsync());
        Assert.Equal(2, await db.Notes.Where(n => n.OwnerId == null).CountAsync());
        Assert.Empty(await JoinRows(db, provider));
        // Nothing matched: nothing to do, no error.
        Assert.Equal(0, await db.Owners.Where(o => o.Id == 99).DeleteManyAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Nested_deletes_in_an_update_run_the_actions(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        await SeedAsync(db);
        await db.Owners.UpdateAsync(o => o.Id == 1, new OwnerUpdate { Racks = new() { Delete = [s => s.Id == 10] } });
        Assert.Equal(I(110, 200), await Ids(db.Items.FindManyAsync(), i => i.Id));
        await db.Loans.CreateAsync(new LoanCreate { Id = 1, ItemId = 110 });
        var e = await Assert.ThrowsAnyAsync<StrataException>(() =>
            db.Owners.UpdateAsync(o => o.Id == 1, new OwnerUpdate { Name = "renamed", Racks = new() { DeleteMany = [_ => Filter.True] } }));
        Assert.Equal("P2014", e.Code);
        Assert.Contains("Owner.racks > deleteMany", e.Path);
        Assert.Equal("ann", (await db.Owners.FindUniqueOrThrowAsync(o => o.Id == 1)).Name); // the whole update rolled back
        Assert.Equal(I(11, 20), await Ids(db.Racks.FindManyAsync(), s => s.Id));
        // A to-one nested delete from the side without the foreign key.
        await db.Badges.CreateAsync(new BadgeCreate { Id = 1, OwnerName = "bob" });
        await db.Owners.UpdateAsync(o => o.Id == 2, new OwnerUpdate { Badge = new() { Delete = true } });
        Assert.Equal(0, await db.Badges.CountAsync());
        // From the side with the foreign key: the note lets go of its owner, then the owner is deleted with its actions.
        await db.Notes.UpdateAsync(n => n.Id == 6, new NoteUpdate { Owner = new() { Delete = true } });
        Assert.Null(await db.Owners.FindUniqueAsync(o => o.Id == 2));
        Assert.Equal(I(11), await Ids(db.Racks.FindManyAsync(), r => r.Id));
        Assert.Equal(S("1-1", "1-2"), await JoinRows(db, provider));
        Assert.Equal(I(1), await Ids(db.Fees.FindManyAsync(), f => f.Id));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task A_delete_inside_a_transaction_joins_it(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        await SeedAsync(db);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.TransactionAsync(async tx =>
        {
            await tx.Owners.DeleteAsync(o => o.Id == 1);
            Assert.Equal(1, await tx.Racks.CountAsync()); // the cascade is visible inside
            throw new InvalidOperationException("roll back");
        }));
        Assert.Equal(3, await db.Racks.CountAsync());
        Assert.Equal(4, await db.Items.CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task A_refused_delete_in_a_nested_transaction_is_undone_alone(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        await SeedAsync(db);
        // Owner 2's card refuses the delete after the cascade of its racks and items has run.
        await db.Cards.CreateAsync(new CardCreate { Id = 1, OwnerId = 2 });
        await db.TransactionAsync(async tx =>
        {
            var e = await Assert.ThrowsAnyAsync<StrataException>(() => tx.TransactionAsync(inner => inner.Owners.DeleteAsync(o => o.Id == 2)));
            Assert.Equal("P2014", e.Code);
            await tx.Owners.DeleteAsync(o => o.Id == 1); // the outer transaction goes on
        });
        Assert.Equal(I(2), await Ids(db.Owners.FindManyAsync(), o => o.Id));
        Assert.Equal(I(20), await Ids(db.Racks.FindManyAsync(), r => r.Id)); // the refused cascade left nothing behind
        Assert.Equal(I(200), await Ids(db.Items.FindManyAsync(), i => i.Id));
        Assert.Equal(S("2-1"), await JoinRows(db, provider));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Foreign_keys_written_as_values_are_not_checked(StrataProvider provider) => WithClient(provider, async (db, _) =>
    {
        // As in Prisma: emulation covers referential actions; a scalar foreign key is written as given, in a create or an update.
        var rack = await db.Racks.CreateAsync(new RackCreate { Id = 1, OwnerId = 999 });
        Assert.Equal(999, rack.OwnerId);
        await db.Racks.UpdateAsync(s => s.Id == 1, new RackUpdate { OwnerId = 998 });
        Assert.Equal(998, (await db.Racks.FindUniqueOrThrowAsync(s => s.Id == 1)).OwnerId);
        // A nested connect still needs its record.
        Assert.Equal("P2025", (await Assert.ThrowsAnyAsync<StrataException>(() =>
            db.Racks.UpdateAsync(s => s.Id == 1, new RackUpdate { Owner = new() { Connect = o => o.Id == 997 } }))).Code);
    });
}
