using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

public class UpdateOperationTests : ClientTest
{
    [Theory, MemberData(nameof(Providers))]
    public Task Atomic_number_operations(StrataProvider provider) => WithClient(provider, async db =>
    {
        var user = await db.Users.CreateAsync(new UserCreate { Email = "n@example.com", Age = 10, Score = 1.5, Balance = 10.5m, Big = 100 });
        var u = await db.Users.UpdateAsync(x => x.Id == user.Id, new UserUpdate { Age = Op.Increment(5), Score = Op.Multiply(2), Balance = Op.Decrement(0.5m), Big = Op.Divide(3) });
        Assert.Equal((15, 3.0, 10m, 33L), (u.Age, u.Score, u.Balance, u.Big));
        u = await db.Users.UpdateAsync(x => x.Id == user.Id, new UserUpdate { Age = Op.Decrement(20), Score = Op.Divide(4), Big = Op.Multiply(-2) });
        Assert.Equal((-5, 0.75, -66L), (u.Age, u.Score, u.Big));
        u = await db.Users.UpdateAsync(x => x.Id == user.Id, new UserUpdate { Age = 7, Score = 2 });
        Assert.Equal((7, 2.0), (u.Age, u.Score));
        // Concurrent increments do not lose each other's changes.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => db.Users.Where(x => x.Id == user.Id).UpdateManyAsync(new UserUpdate { Big = Op.Increment(1) })));
        Assert.Equal(-56L, (await db.Users.FindUniqueOrThrowAsync(x => x.Id == user.Id)).Big);
        Assert.Throws<ValueOutOfRangeException>(() => new UserUpdate { Age = Op.Increment(long.MaxValue) });
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Updated_at_changes_on_every_update_and_nothing_else_does(StrataProvider provider) => WithClient(provider, async db =>
    {
        var user = await db.Users.CreateAsync(new UserCreate { Email = "t@example.com", Name = "T" });
        await Task.Delay(15);
        var changed = await db.Users.UpdateAsync(u => u.Id == user.Id, new UserUpdate { Age = 3 });
        Assert.True(changed.UpdatedAt > user.UpdatedAt);
        Assert.Equal(("T", user.CreatedAt, user.Email), (changed.Name, changed.CreatedAt, changed.Email));
        await Task.Delay(15);
        await db.Users.UpdateManyAsync(new UserUpdate { Active = false });
        var after = await db.Users.FindUniqueOrThrowAsync(u => u.Id == user.Id);
        Assert.True(after.UpdatedAt > changed.UpdatedAt);
        Assert.False(after.Active);
        // An update that sets nothing returns the record as it is.
        var same = await db.Posts.CreateAsync(new PostCreate { Title = "p", AuthorId = user.Id });
        Assert.Equal(same.Title, (await db.Posts.UpdateAsync(p => p.Id == same.Id, new PostUpdate())).Title);
    });
}
