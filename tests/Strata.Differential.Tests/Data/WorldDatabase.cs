using Strata.Differential.Engine;
using Strata.Differential.Tests.World;

namespace Strata.Differential.Tests.Data;

/// <summary>A database with the world's tables (a temporary SQLite file, or a database on the private PostgreSQL), written through the client.</summary>
public sealed class WorldDatabase : IAsyncDisposable
{
    private readonly string? _file;

    private WorldDatabase(StrataProvider provider, string url, string? file)
    {
        Provider = provider;
        _file = file;
        Client = new WorldDb(Log.Options(url));
    }

    public StrataProvider Provider { get; }

    public WorldDb Client { get; }

    /// <summary>The statements the client ran, newest last (a failing case prints them).</summary>
    public StatementLog Log { get; } = new();

    public static async Task<WorldDatabase> CreateAsync(StrataProvider provider)
    {
        var (url, file) = await SchemaDatabase.CreateAsync(provider, Path.Combine("Schema", "world.prisma"));
        return new WorldDatabase(provider, url, file);
    }

    /// <summary>Writes the world's rows through the client: tags, members (with nested connects for the m:n links), posts, comments, follows.</summary>
    public async Task SeedAsync(WorldData data)
    {
        var db = Client;
        await db.Tags.CreateManyAsync(data.Tags.Select(t => new TagCreate { Id = t.Id, Label = t.Label, Group = t.Group }));
        foreach (var m in data.Members)
        {
            var friends = data.Friends.Where(f => f.A == m.Id).Select(f => f.B).ToList();
            var tags = data.MemberTags.Where(t => t.Member == m.Id).Select(t => t.Tag).ToList();
            await db.Members.CreateAsync(new MemberCreate
            {
                Id = m.Id, Handle = m.Handle, Name = m.Name, Age = m.Age, Score = m.Score, Balance = m.Balance, Karma = m.Karma,
                Active = m.Active, Tier = m.Tier, Rank = m.Rank, BornAt = m.BornAt, JoinedAt = m.JoinedAt, Avatar = m.Avatar,
                Meta = m.Meta?.DeepClone(), InvitedById = m.InvitedById, MentorId = m.MentorId,
                Friends = friends.Count == 0 ? null : new() { Connect = friends.Select(id => (Func<MemberUnique, UniqueFilter>)(u => u.Id == id)).ToList() },
                Tags = tags.Count == 0 ? null : new() { Connect = tags.Select(id => (Func<TagUnique, UniqueFilter>)(u => u.Id == id)).ToList() },
            });
        }
        await db.Posts.CreateManyAsync(data.Posts.Select(p => new PostCreate
        {
            Id = p.Id, Title = p.Title, Body = p.Body, Views = p.Views, Rating = p.Rating, Published = p.Published, AuthorId = p.AuthorId, EditorId = p.EditorId,
        }));
        await db.Comments.CreateManyAsync(data.Comments.Select(c => new CommentCreate { PostId = c.PostId, Seq = c.Seq, Text = c.Text, Likes = c.Likes }));
        await db.Follows.CreateManyAsync(data.Follows.Select(f => new FollowCreate { FollowerId = f.FollowerId, FollowedId = f.FollowedId, Since = f.Since, Weight = f.Weight }));
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        SchemaDatabase.Delete(_file);
    }
}
