using Strata.Differential.Tests.Data;
using Strata.Differential.Tests.World;

namespace Strata.Differential.Tests;

/// <summary>
/// Nested writes in updates on the relation kinds the world schema has and the blog schema lacks:
/// optional to-one relations, self relations (1:1, 1:n, m:n) and an explicit many-to-many join
/// model, on both providers.
/// </summary>
public class NestedWriteKindsTests
{
    public static TheoryData<StrataProvider> Providers => new() { StrataProvider.Sqlite, StrataProvider.PostgreSql, StrataProvider.MySql };

    private static MemberCreate Member(int id) => new()
    {
        Id = id, Handle = "m" + id, Score = 0, Balance = 0, Karma = 0, Active = true, Tier = Tier.Free, JoinedAt = WorldData.Epoch,
    };

    private static async Task With(StrataProvider provider, Func<WorldDb, Task> body)
    {
        await using var database = await WorldDatabase.CreateAsync(provider);
        var db = database.Client;
        foreach (var id in Enumerable.Range(1, 5)) await db.Members.CreateAsync(Member(id));
        await body(db);
    }

    private static async Task<int[]> Ids(Task<List<Member>> members) => (await members).Select(m => m.Id).Order().ToArray();

    [Theory, MemberData(nameof(Providers))]
    public Task An_optional_to_one_from_the_foreign_key_side(StrataProvider provider) => With(provider, async db =>
    {
        await db.Posts.CreateAsync(new PostCreate { Id = 1, Title = "t", Views = 0, Published = false, AuthorId = 1 });
        var post = await db.Posts.UpdateAsync(p => p.Id == 1, new PostUpdate { Editor = new() { Connect = m => m.Id == 2 } });
        Assert.Equal(2, post.EditorId);
        post = await db.Posts.UpdateAsync(p => p.Id == 1, new PostUpdate { Editor = new() { Disconnect = true } });
        Assert.Null(post.EditorId);
        post = await db.Posts.UpdateAsync(p => p.Id == 1, new PostUpdate { Editor = new() { Create = Member(9) } });
        Assert.Equal(9, post.EditorId);
        post = await db.Posts.Include(p => p.Editor).UpdateAsync(p => p.Id == 1, new PostUpdate { Editor = new() { Update = new MemberUpdate { Name = "ed" } } });
        Assert.Equal("ed", post.Editor!.Name);
        post = await db.Posts.UpdateAsync(p => p.Id == 1, new PostUpdate { Editor = new() { Delete = true } });
        Assert.Null(post.EditorId);
        Assert.Null(await db.Members.FindUniqueAsync(m => m.Id == 9));
        var none = await Assert.ThrowsAsync<RecordNotFoundException>(() => db.Posts.UpdateAsync(p => p.Id == 1, new PostUpdate { Editor = new() { Delete = true } }));
        Assert.Equal("Post.editor", none.Path);
        // Upsert with no editor creates one.
        post = await db.Posts.UpdateAsync(p => p.Id == 1, new PostUpdate { Editor = new() { Upsert = new() { Create = Member(10), Update = new MemberUpdate { Name = "no" } } } });
        Assert.Equal(10, post.EditorId);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task A_self_one_to_many(StrataProvider provider) => With(provider, async db =>
    {
        await db.Members.UpdateAsync(m => m.Id == 1, new MemberUpdate { Invitees = new() { Connect = [m => m.Id == 2, m => m.Id == 3], Create = [Member(6)] } });
        Assert.Equal(new[] { 2, 3, 6 }, await Ids(db.Members.Where(m => m.InvitedBy.Is(i => i.Id == 1)).FindManyAsync()));
        // The invitation is optional: disconnect and set clear the foreign key.
        await db.Members.UpdateAsync(m => m.Id == 1, new MemberUpdate { Invitees = new() { Disconnect = [m => m.Id == 2, m => m.Id == 4] } }); // 4 is not an invitee: ignored
        Assert.Equal(new[] { 3, 6 }, await Ids(db.Members.Where(m => m.InvitedById == 1).FindManyAsync()));
        await db.Members.UpdateAsync(m => m.Id == 1, new MemberUpdate { Invitees = new() { Set = [m => m.Id == 4, m => m.Id == 6] } });
        Assert.Equal(new[] { 4, 6 }, await Ids(db.Members.Where(m => m.InvitedById == 1).FindManyAsync()));
        // From the other side: who invited member 4.
        var four = await db.Members.UpdateAsync(m => m.Id == 4, new MemberUpdate { InvitedBy = new() { Connect = m => m.Id == 5 } });
        Assert.Equal(5, four.InvitedById);
        await db.Members.UpdateAsync(m => m.Id == 1, new MemberUpdate { Invitees = new() { UpdateMany = [new() { Where = m => m.Id > 0, Data = new MemberUpdate { Age = 7 } }] } });
        Assert.Equal(new[] { 6 }, await Ids(db.Members.Where(m => m.Age == 7).FindManyAsync())); // only the invitees of 1
    });

    [Theory, MemberData(nameof(Providers))]
    public Task A_self_one_to_one(StrataProvider provider) => With(provider, async db =>
    {
        // mentorId is unique: member 1 mentors at most one member.
        var two = await db.Members.UpdateAsync(m => m.Id == 2, new MemberUpdate { Mentor = new() { Connect = m => m.Id == 1 } });
        Assert.Equal(1, two.MentorId);
        // Member 3 takes mentor 1: member 2, whose mentorId is optional, lets go.
        await db.Members.UpdateAsync(m => m.Id == 3, new MemberUpdate { Mentor = new() { Connect = m => m.Id == 1 } });
        Assert.Null((await db.Members.FindUniqueOrThrowAsync(m => m.Id == 2)).MentorId);
        Assert.Equal(1, (await db.Members.FindUniqueOrThrowAsync(m => m.Id == 3)).MentorId);
        // From the mentor's side (no foreign key there): a new mentee replaces member 3.
        var one = await db.Members.Include(m => m.Mentee).UpdateAsync(m => m.Id == 1, new MemberUpdate { Mentee = new() { Create = Member(7) } });
        Assert.Equal(7, one.Mentee!.Id);
        Assert.Null((await db.Members.FindUniqueOrThrowAsync(m => m.Id == 3)).MentorId);
        one = await db.Members.Include(m => m.Mentee).UpdateAsync(m => m.Id == 1, new MemberUpdate { Mentee = new() { Disconnect = true } });
        Assert.Null(one.Mentee);
        one = await db.Members.Include(m => m.Mentee).UpdateAsync(m => m.Id == 1, new MemberUpdate { Mentee = new() { Connect = m => m.Id == 4 } });
        Assert.Equal(4, one.Mentee!.Id);
        // A new member created with mentor 1 takes 1 from member 4, whose mentorId is optional.
        var created = await db.Members.CreateAsync(new MemberCreate { Id = 8, Handle = "m8", Score = 0, Balance = 0, Karma = 0, Active = true, Tier = Tier.Pro, JoinedAt = WorldData.Epoch, Mentor = new() { Connect = m => m.Id == 1 } });
        Assert.Equal(1, created.MentorId);
        Assert.Null((await db.Members.FindUniqueOrThrowAsync(m => m.Id == 4)).MentorId);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task A_self_many_to_many(StrataProvider provider) => With(provider, async db =>
    {
        await db.Members.UpdateAsync(m => m.Id == 1, new MemberUpdate { Friends = new() { Connect = [m => m.Id == 2, m => m.Id == 3, m => m.Id == 1] } });
        Assert.Equal(new[] { 1, 2, 3 }, await Ids(db.Members.Where(m => m.FriendOf.Some(f => f.Id == 1)).FindManyAsync()));
        Assert.Empty(await db.Members.Where(m => m.Friends.Some(f => f.Id == 1) && m.Id != 1).FindManyAsync()); // the other direction is its own field
        await db.Members.UpdateAsync(m => m.Id == 1, new MemberUpdate { Friends = new() { Disconnect = [m => m.Id == 1], Set = null } });
        await db.Members.UpdateAsync(m => m.Id == 2, new MemberUpdate { FriendOf = new() { Connect = [m => m.Id == 4] } }); // 4 befriends 2
        Assert.Equal(new[] { 2 }, await Ids(db.Members.Where(m => m.FriendOf.Some(f => f.Id == 4)).FindManyAsync()));
        await db.Members.UpdateAsync(m => m.Id == 1, new MemberUpdate { Friends = new() { Set = [m => m.Id == 5], UpdateMany = [new() { Where = m => m.Id < 10, Data = new MemberUpdate { Name = "friend of 1" }}] } });
        Assert.Equal(new[] { 5 }, await Ids(db.Members.Where(m => m.Name == "friend of 1").FindManyAsync()));
        Assert.Equal(new[] { 5 }, await Ids(db.Members.Where(m => m.FriendOf.Some(f => f.Id == 1)).FindManyAsync()));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task An_explicit_many_to_many_join_model(StrataProvider provider) => With(provider, async db =>
    {
        await db.Members.UpdateAsync(m => m.Id == 1, new MemberUpdate
        {
            Following = new()
            {
                Create = [new FollowCreate { Since = WorldData.Epoch, Weight = 1, Followed = new() { Connect = m => m.Id == 2 } }],
                CreateMany = new() { Data = [new FollowCreate { FollowedId = 3, Since = WorldData.Epoch, Weight = 2 }, new FollowCreate { FollowedId = 4, Since = WorldData.Epoch, Weight = 3 }] },
            },
        });
        Assert.Equal(new[] { 2, 3, 4 }, await Ids(db.Members.Where(m => m.Followers.Some(f => f.FollowerId == 1)).FindManyAsync()));
        await db.Members.UpdateAsync(m => m.Id == 1, new MemberUpdate
        {
            Following = new()
            {
                Update = [new() { Where = f => f.FollowerIdFollowedId(1, 2), Data = new FollowUpdate { Weight = Op.Increment(10) } }],
                DeleteMany = [f => f.Weight == 3],
            },
        });
        var follows = await db.Follows.OrderBy(f => f.FollowedId).FindManyAsync();
        Assert.Equal(["1>2:11", "1>3:2"], follows.Select(f => $"{f.FollowerId}>{f.FollowedId}:{f.Weight}").ToArray());
        // A follow needs its follower: disconnecting it from member 1 is P2014, and changes nothing.
        var required = await Assert.ThrowsAsync<StrataException>(() => db.Members.UpdateAsync(m => m.Id == 1,
            new MemberUpdate { Name = "x", Following = new() { Disconnect = [f => f.FollowerIdFollowedId(1, 3)] } }));
        Assert.Equal("P2014", required.Code);
        Assert.Equal("Member.following > disconnect", required.Path);
        Assert.Null((await db.Members.FindUniqueOrThrowAsync(m => m.Id == 1)).Name);
        Assert.Equal(2, await db.Follows.CountAsync());
    });
}
