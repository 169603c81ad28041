using Microsoft.EntityFrameworkCore;
using Strata.Benchmarks.Model;

namespace Strata.Benchmarks.Libraries.EfCore;

/// <summary>
/// The schema's tables mapped for EF Core onto the same rows the other libraries read: Prisma's
/// table and camelCase column names, the relations by their foreign keys. Each provider's context adds
/// how its DateTime columns are stored.
/// </summary>
public abstract class BenchContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<UserRow> Users { get; set; } = null!;
    public DbSet<PostRow> Posts { get; set; } = null!;
    public DbSet<CommentRow> Comments { get; set; } = null!;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserRow>(user =>
        {
            user.ToTable("User");
            user.HasMany(u => u.Posts).WithOne().HasForeignKey(p => p.AuthorId);
        });
        modelBuilder.Entity<PostRow>(post =>
        {
            post.ToTable("Post");
            post.HasMany(p => p.Comments).WithOne().HasForeignKey(c => c.PostId);
        });
        modelBuilder.Entity<CommentRow>().ToTable("Comment");
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
                property.SetColumnName(char.ToLowerInvariant(property.Name[0]) + property.Name[1..]);
        }
    }
}
