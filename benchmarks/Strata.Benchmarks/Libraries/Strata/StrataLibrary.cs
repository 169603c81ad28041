using Strata.Benchmarks.Data;
using Strata.Benchmarks.Databases;
using Strata.Benchmarks.Model;
using Strata.Benchmarks.Seed;

namespace Strata.Benchmarks.Libraries.Strata;

/// <summary>
/// Strata as docs/client.md tells an application to use it: one long-lived client per database
/// (each operation takes a pooled connection and returns it), the generated query API, and records
/// of the generated types.
/// </summary>
public sealed class StrataLibrary(BenchDatabase database) : IAsyncDisposable
{
    private readonly BenchDb _db = new(database.StrataUrl);

    public Task<Post?> OneByKeyAsync(int id) => _db.Posts.FindUniqueAsync(p => p.Id == id);

    public Task<List<Post>> AllPostsAsync() => _db.Posts.FindManyAsync();

    public Task<List<Post>> PageAsync()
    {
        int minViews = Workload.MinViews;
        return _db.Posts.Where(p => p.Views >= minViews)
            .OrderBy(p => p.CreatedAt.Desc()).OrderBy(p => p.Id.Desc())
            .Skip(Workload.PageSkip).Take(Workload.PageTake)
            .FindManyAsync();
    }

    public Task<int> CountAsync()
    {
        int minViews = Workload.MinViews;
        return _db.Posts.Where(p => p.Views >= minViews).CountAsync();
    }

    public Task<List<User>> UsersWithPostsAndCommentsAsync() =>
        _db.Users.OrderBy(u => u.Id).Include(u => u.Posts.Include(p => p.Comments)).FindManyAsync();

    public Task<int> CreateManyAsync(IReadOnlyList<PostCreate> posts) => _db.Posts.CreateManyAsync(posts);

    /// <summary>Create, one record at a time, in one transaction (each returns the created record).</summary>
    public Task<int> CreateLoopAsync(IReadOnlyList<PostCreate> posts) => _db.TransactionAsync(async tx =>
    {
        foreach (var post in posts) await tx.Posts.CreateAsync(post);
        return posts.Count;
    });

    public Task<int> UpdateManyAsync(int likes) =>
        _db.Posts.Where(p => p.AuthorId <= Workload.UpdateMaxAuthorId)
            .UpdateManyAsync(new PostUpdate { Likes = likes, UpdatedAt = Workload.UpdatedAt });

    /// <summary>The create input of a row of the insert scenarios.</summary>
    public static PostCreate ToCreate(PostRow row) => new()
    {
        AuthorId = row.AuthorId,
        Title = row.Title,
        Body = row.Body,
        Slug = row.Slug,
        Views = row.Views,
        Likes = row.Likes,
        Rank = row.Rank,
        Rating = row.Rating,
        Flags = row.Flags,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        PublishedAt = row.PublishedAt,
    };

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
