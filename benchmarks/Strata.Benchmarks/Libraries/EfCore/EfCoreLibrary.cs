using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Strata.Benchmarks.Databases;
using Strata.Benchmarks.Model;
using Strata.Benchmarks.Seed;

namespace Strata.Benchmarks.Libraries.EfCore;

/// <summary>
/// EF Core as its performance guidance recommends: DbContext pooling (a context per operation from a
/// pooled factory), and per read three variants: tracking (the default), no-tracking, and a compiled
/// no-tracking query. Relations load with Include as one query (the default) and as split queries;
/// bulk updates use ExecuteUpdate; inserts AddRange then SaveChanges (batched by EF).
/// </summary>
public abstract class EfCoreLibrary
{
    public abstract Task<PostRow?> OneByKeyAsync(int id);
    public abstract Task<PostRow?> OneByKeyNoTrackingAsync(int id);
    public abstract Task<PostRow?> OneByKeyCompiledAsync(int id);
    public abstract Task<List<PostRow>> AllPostsAsync();
    public abstract Task<List<PostRow>> AllPostsNoTrackingAsync();
    public abstract Task<List<PostRow>> AllPostsCompiledAsync();
    public abstract Task<List<PostRow>> PageAsync();
    public abstract Task<List<PostRow>> PageNoTrackingAsync();
    public abstract Task<List<PostRow>> PageCompiledAsync();
    public abstract Task<int> CountAsync();
    public abstract Task<int> CountCompiledAsync();
    public abstract Task<List<UserRow>> UsersWithPostsAndCommentsAsync();
    public abstract Task<List<UserRow>> UsersWithPostsAndCommentsSplitAsync();
    public abstract Task<int> AddRangeAsync(IReadOnlyList<PostRow> posts);
    public abstract Task<int> UpdateManyAsync(int likes);

    public static EfCoreLibrary Create(BenchDatabase database) => database.Provider == Provider.Sqlite
        ? new EfCoreLibrary<SqliteBenchContext>(new DbContextOptionsBuilder<SqliteBenchContext>().UseSqlite(database.ConnectionString).Options)
        : new EfCoreLibrary<PostgresBenchContext>(new DbContextOptionsBuilder<PostgresBenchContext>().UseNpgsql(database.ConnectionString).Options);
}

/// <inheritdoc />
public sealed class EfCoreLibrary<TContext> : EfCoreLibrary where TContext : BenchContext
{
    private static readonly Func<TContext, int, Task<PostRow?>> CompiledOne =
        EF.CompileAsyncQuery((TContext c, int id) => c.Posts.AsNoTracking().FirstOrDefault(p => p.Id == id));

    private static readonly Func<TContext, IAsyncEnumerable<PostRow>> CompiledAll =
        EF.CompileAsyncQuery((TContext c) => c.Posts.AsNoTracking());

    private static readonly Func<TContext, int, int, int, IAsyncEnumerable<PostRow>> CompiledPage =
        EF.CompileAsyncQuery((TContext c, int minViews, int skip, int take) =>
            c.Posts.AsNoTracking().Where(p => p.Views >= minViews).OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Skip(skip).Take(take));

    private static readonly Func<TContext, int, Task<int>> CompiledCount =
        EF.CompileAsyncQuery((TContext c, int minViews) => c.Posts.Count(p => p.Views >= minViews));

    private readonly PooledDbContextFactory<TContext> _factory;

    public EfCoreLibrary(DbContextOptions<TContext> options) => _factory = new PooledDbContextFactory<TContext>(options);

    public override async Task<PostRow?> OneByKeyAsync(int id)
    {
        await using var db = _factory.CreateDbContext();
        return await db.Posts.FirstOrDefaultAsync(p => p.Id == id);
    }

    public override async Task<PostRow?> OneByKeyNoTrackingAsync(int id)
    {
        await using var db = _factory.CreateDbContext();
        return await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
    }

    public override async Task<PostRow?> OneByKeyCompiledAsync(int id)
    {
        await using var db = _factory.CreateDbContext();
        return await CompiledOne(db, id);
    }

    public override async Task<List<PostRow>> AllPostsAsync()
    {
        await using var db = _factory.CreateDbContext();
        return await db.Posts.ToListAsync();
    }

    public override async Task<List<PostRow>> AllPostsNoTrackingAsync()
    {
        await using var db = _factory.CreateDbContext();
        return await db.Posts.AsNoTracking().ToListAsync();
    }

    public override async Task<List<PostRow>> AllPostsCompiledAsync()
    {
        await using var db = _factory.CreateDbContext();
        return await ToListAsync(CompiledAll(db));
    }

    public override async Task<List<PostRow>> PageAsync()
    {
        await using var db = _factory.CreateDbContext();
        return await Page(db.Posts).ToListAsync();
    }

    public override async Task<List<PostRow>> PageNoTrackingAsync()
    {
        await using var db = _factory.CreateDbContext();
        return await Page(db.Posts.AsNoTracking()).ToListAsync();
    }

    public override async Task<List<PostRow>> PageCompiledAsync()
    {
        await using var db = _factory.CreateDbContext();
        return await ToListAsync(CompiledPage(db, Workload.MinViews, Workload.PageSkip, Workload.PageTake));
    }

    public override async Task<int> CountAsync()
    {
        await using var db = _factory.CreateDbContext();
        int minViews = Workload.MinViews;
        return await db.Posts.CountAsync(p => p.Views >= minViews);
    }

    public override async Task<int> CountCompiledAsync()
    {
        await using var db = _factory.CreateDbContext();
        return await CompiledCount(db, Workload.MinViews);
    }

    public override async Task<List<UserRow>> UsersWithPostsAndCommentsAsync()
    {
        await using var db = _factory.CreateDbContext();
        return await db.Users.AsNoTracking().OrderBy(u => u.Id).Include(u => u.Posts!).ThenInclude(p => p.Comments).ToListAsync();
    }

    public override async Task<List<UserRow>> UsersWithPostsAndCommentsSplitAsync()
    {
        await using var db = _factory.CreateDbContext();
        return await db.Users.AsNoTracking().OrderBy(u => u.Id).Include(u => u.Posts!).ThenInclude(p => p.Comments).AsSplitQuery().ToListAsync();
    }

    public override async Task<int> AddRangeAsync(IReadOnlyList<PostRow> posts)
    {
        await using var db = _factory.CreateDbContext();
        db.Posts.AddRange(posts);
        return await db.SaveChangesAsync();
    }

    public override async Task<int> UpdateManyAsync(int likes)
    {
        await using var db = _factory.CreateDbContext();
        int maxAuthorId = Workload.UpdateMaxAuthorId;
        var updatedAt = Workload.UpdatedAt;
        return await db.Posts.Where(p => p.AuthorId <= maxAuthorId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Likes, likes).SetProperty(p => p.UpdatedAt, updatedAt));
    }

    // Values from variables, as an application has them: EF sends them as parameters (constants would be inlined into the SQL).
    private static IQueryable<PostRow> Page(IQueryable<PostRow> posts)
    {
        int minViews = Workload.MinViews, skip = Workload.PageSkip, take = Workload.PageTake;
        return posts.Where(p => p.Views >= minViews).OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Skip(skip).Take(take);
    }

    private static async Task<List<PostRow>> ToListAsync(IAsyncEnumerable<PostRow> rows)
    {
        var list = new List<PostRow>();
        await foreach (var row in rows) list.Add(row);
        return list;
    }
}
