using Microsoft.EntityFrameworkCore;
using Strata.Benchmarks.Libraries.EfCore;

var options = new DbContextOptionsBuilder<SqliteBenchContext>().UseSqlite($"Data Source={args[0]};Foreign Keys=True").Options;
await using var db = new SqliteBenchContext(options);
var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == 1);
if (post == null) return 1;
Console.WriteLine($"{post.Id}|{post.Title}|{post.CreatedAt:O}");
return 0;
