using Strata.Benchmarks.Model;

namespace Strata.Benchmarks.Seed;

/// <summary>
/// The rows every library reads: 100 users with 10 posts each and 5 comments per post, made from a
/// fixed seed so every run (and both providers) holds the same data. Text mixes ASCII with a few
/// multi-byte characters so every library's UTF-8 path is exercised the same way.
/// </summary>
public static class SeedData
{
    public const int Users = 100;
    public const int PostsPerUser = 10;
    public const int CommentsPerPost = 5;
    public const int Posts = Users * PostsPerUser;
    public const int Comments = Posts * CommentsPerPost;

    private static readonly string[] Words =
    [
        "strata", "schema", "query", "index", "row", "page", "cache", "café", "naïve", "Zürich", "東京",
        "reader", "writer", "commit", "batch", "typed", "client", "model", "field", "value", "order",
    ];

    private static readonly DateTime Epoch = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static List<UserRow> UserRows()
    {
        var users = new List<UserRow>(Users);
        for (int i = 1; i <= Users; i++)
            users.Add(new UserRow { Id = i, Name = $"User {i} {Words[i % Words.Length]}", Email = $"user{i}@example.com" });
        return users;
    }

    public static List<PostRow> PostRows()
    {
        var random = new Random(10);
        var posts = new List<PostRow>(Posts);
        for (int i = 1; i <= Posts; i++)
        {
            var post = NewPost(random, authorId: (i - 1) / PostsPerUser + 1, i);
            post.Id = i;
            posts.Add(post);
        }
        return posts;
    }

    public static List<CommentRow> CommentRows()
    {
        var random = new Random(20);
        var comments = new List<CommentRow>(Comments);
        for (int i = 1; i <= Comments; i++)
        {
            comments.Add(new CommentRow
            {
                Id = i,
                PostId = (i - 1) / CommentsPerPost + 1,
                Author = $"Reader {random.Next(1, 500)}",
                Body = Text(random, 40, 160),
                CreatedAt = Time(random),
            });
        }
        return comments;
    }

    /// <summary>Rows for the insert scenarios (no id: the database assigns it), by authors of the seed.</summary>
    public static List<PostRow> NewPostRows(int count, int seed)
    {
        var random = new Random(seed);
        var posts = new List<PostRow>(count);
        for (int i = 0; i < count; i++) posts.Add(NewPost(random, authorId: i % Users + 1, Posts + i + 1));
        return posts;
    }

    private static PostRow NewPost(Random random, int authorId, int number)
    {
        var created = Time(random);
        return new PostRow
        {
            AuthorId = authorId,
            Title = Text(random, 20, 60),
            Body = Text(random, 150, 400),
            Slug = number % 4 == 0 ? null : $"post-{number}-{Words[random.Next(Words.Length)]}",
            Views = random.Next(0, 10_000),
            Likes = random.Next(0, 500),
            Rank = random.Next(0, 100),
            Rating = number % 3 == 0 ? null : random.Next(1, 6),
            Flags = random.Next(0, 256),
            CreatedAt = created,
            UpdatedAt = created.AddMilliseconds(random.Next(0, 90_000_000)),
            PublishedAt = number % 5 == 0 ? null : created.AddMinutes(random.Next(0, 10_000)),
        };
    }

    /// <summary>A UTC time in 2024 to the millisecond: what both providers store exactly.</summary>
    private static DateTime Time(Random random) => Epoch.AddMilliseconds(random.NextInt64(0, 365L * 24 * 3600 * 1000));

    private static string Text(Random random, int min, int max)
    {
        int length = random.Next(min, max);
        var text = new System.Text.StringBuilder(length + 16);
        while (text.Length < length)
        {
            if (text.Length > 0) text.Append(' ');
            text.Append(Words[random.Next(Words.Length)]);
        }
        return text.ToString();
    }
}
