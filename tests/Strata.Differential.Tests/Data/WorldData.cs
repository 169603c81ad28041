using System.Text.Json.Nodes;
using Strata.Differential.Tests.World;

namespace Strata.Differential.Tests.Data;

/// <summary>
/// The rows of the test world, held in memory: the oracle's data, and what is written to each
/// database. Made from a seed, so every provider and every run sees the same rows.
/// </summary>
public sealed class WorldData
{
    public List<Member> Members { get; } = [];
    public List<Post> Posts { get; } = [];
    public List<Comment> Comments { get; } = [];
    public List<Follow> Follows { get; } = [];
    public List<Tag> Tags { get; } = [];

    /// <summary>Implicit m:n "Friends": (a, b) means b is in a's <c>friends</c> and a in b's <c>friendOf</c>.</summary>
    public List<(int A, int B)> Friends { get; } = [];

    /// <summary>Implicit m:n Member/Tag links.</summary>
    public List<(int Member, int Tag)> MemberTags { get; } = [];

    // Pools hold what filters like to trip on: case variants, non-ASCII letters, LIKE wildcards,
    // quotes, backslashes, empty and blank strings, negative numbers, values past 2^53.
    public static readonly string?[] Names = [null, "Ann", "ann", "ANN", "Émile", "émile", "Bob", "bob_x", "50% off", "a_b", "", " spaced ", "Zoë", "zed", "O'Brien", "back\\slash", "Ann-Marie"];
    public static readonly string[] Words = ["alpha", "Alpha", "beta", "BETA", "gamma", "délta", "ep_silon", "zeta%", "Eta", "théta", "x", "X", ""];
    public static readonly double[] Scores = [0, 0.5, 1.25, -3.5, 9.75, 100, -0.25];
    public static readonly decimal[] Balances = [0m, 0.5m, 10.25m, -2.75m, 1000.125m, 12345.5m];
    public static readonly long[] Karmas = [0, 1, -1, 1L << 40, -(1L << 50), (1L << 53) + 1, 7];
    public static readonly byte[][] Avatars = [[], [0], [1, 2, 3], [255, 0], [1, 2]];
    // Json documents: nested objects and arrays, the number 1 beside "1", 1.0 and true, JSON nulls,
    // keys in other orders, wildcard characters in strings, top-level arrays, strings, numbers and Booleans.
    public static readonly string[] Metas =
    [
        """{"a":1}""", """{"b":[1,2]}""", """{"c":"x"}""", """{"a":1.0,"b":[2,1],"c":"X"}""",
        """{"a":"1","n":{"k":true,"s":"hello %_ world","list":[1,"1",null,{"z":[]}]}}""",
        """{"n":{"s":"Hello","list":[]},"a":null}""", """[1,"two",{"three":3},[4]]""", """["x","y"]""",
        "\"a string\"", "7", "true", """{"b":{"0":1},"tags":["red","blue"]}""", """{"tags":["blue","red"],"c":"xyz"}""",
        """{"c":"x","a":1}""",
    ];
    public static readonly DateTime Epoch = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static WorldData Generate(int seed, int members = 36)
    {
        var r = new Random(seed);
        var w = new WorldData();
        string[] groups = ["color", "size", "Color"];
        int tagId = 1;
        foreach (var g in groups)
            foreach (var label in new[] { "red", "Red", "big", "small" }.Take(g == "Color" ? 2 : 4))
                w.Tags.Add(new Tag { Id = tagId++, Group = g, Label = label });

        var mentored = new HashSet<int>();
        for (int id = 1; id <= members; id++)
        {
            var m = new Member
            {
                Id = id,
                Handle = $"{Words[r.Next(Words.Length)]}-{id}",
                Name = Names[r.Next(Names.Length)],
                Age = r.Next(6) == 0 ? null : r.Next(0, 70),
                Score = Scores[r.Next(Scores.Length)],
                Balance = Balances[r.Next(Balances.Length)],
                Karma = Karmas[r.Next(Karmas.Length)],
                Active = r.Next(3) > 0,
                Tier = (Tier)r.Next(3),
                Rank = r.Next(3) == 0 ? null : (Tier)r.Next(3),
                BornAt = r.Next(4) == 0 ? null : Epoch.AddDays(-r.Next(0, 20000)).AddMilliseconds(r.Next(0, 86_400_000)),
                JoinedAt = Epoch.AddMinutes(r.Next(0, 5) * 1440 + r.Next(0, 3)),
                Avatar = r.Next(3) == 0 ? null : Avatars[r.Next(Avatars.Length)],
                Meta = r.Next(3) == 0 ? null : JsonNode.Parse(Metas[r.Next(Metas.Length)]),
                InvitedById = id > 1 && r.Next(3) > 0 ? r.Next(1, id) : null,
            };
            if (id > 1 && r.Next(2) == 0)
            {
                int mentor = r.Next(1, id);
                if (mentored.Add(mentor)) m.MentorId = mentor;
            }
            w.Members.Add(m);
            for (int j = 1; j < id; j++)
                if (r.Next(8) == 0) w.Friends.Add((id, j));
            foreach (var tag in w.Tags)
                if (r.Next(5) == 0) w.MemberTags.Add((id, tag.Id));
        }

        int postId = 1;
        foreach (var m in w.Members)
        {
            int count = r.Next(0, 4);
            for (int i = 0; i < count; i++)
            {
                var p = new Post
                {
                    Id = postId++,
                    Title = Words[r.Next(Words.Length)] + (r.Next(2) == 0 ? " " + Words[r.Next(Words.Length)] : ""),
                    Body = r.Next(3) == 0 ? null : Names[r.Next(Names.Length)] ?? "",
                    Views = r.Next(0, 6) * 100 + r.Next(0, 3),
                    Rating = r.Next(3) == 0 ? null : Scores[r.Next(Scores.Length)],
                    Published = r.Next(2) == 0,
                    AuthorId = m.Id,
                    EditorId = r.Next(2) == 0 ? null : r.Next(1, members + 1),
                };
                w.Posts.Add(p);
                int comments = r.Next(0, 4);
                for (int seq = 1; seq <= comments; seq++)
                    w.Comments.Add(new Comment { PostId = p.Id, Seq = seq, Text = Words[r.Next(Words.Length)], Likes = r.Next(0, 4) * 5 });
            }
        }

        var follows = new HashSet<(int, int)>();
        for (int i = 0; i < members * 2; i++)
        {
            int a = r.Next(1, members + 1), b = r.Next(1, members + 1);
            if (a == b || !follows.Add((a, b))) continue;
            w.Follows.Add(new Follow { FollowerId = a, FollowedId = b, Since = Epoch.AddHours(r.Next(0, 48)), Weight = r.Next(1, 6) });
        }
        return w;
    }
}
