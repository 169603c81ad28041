using Strata.Benchmarks.Data;

await using var db = new BenchDb($"Data Source={args[0]}");
var post = await db.Posts.FindUniqueAsync(p => p.Id == 1);
if (post == null) return 1;
Console.WriteLine($"{post.Id}|{post.Title}|{post.CreatedAt:O}");
return 0;
