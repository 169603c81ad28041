using System.Text.Json.Nodes;
using Strata.Differential.Engine;
using MemberSpec = Strata.Differential.Engine.SpecBuilder<Strata.Differential.Tests.Data.WorldIndex, Strata.Differential.Tests.World.Member, Strata.Differential.Tests.World.MemberWhere, Strata.Differential.Tests.World.MemberFields, Strata.Differential.Tests.World.MemberInclude, Strata.Differential.Tests.World.MemberSelect>;
using PostSpec = Strata.Differential.Engine.SpecBuilder<Strata.Differential.Tests.Data.WorldIndex, Strata.Differential.Tests.World.Post, Strata.Differential.Tests.World.PostWhere, Strata.Differential.Tests.World.PostFields, Strata.Differential.Tests.World.PostInclude, Strata.Differential.Tests.World.PostSelect>;
using CommentSpec = Strata.Differential.Engine.SpecBuilder<Strata.Differential.Tests.Data.WorldIndex, Strata.Differential.Tests.World.Comment, Strata.Differential.Tests.World.CommentWhere, Strata.Differential.Tests.World.CommentFields, Strata.Differential.Tests.World.CommentInclude, Strata.Differential.Tests.World.CommentSelect>;
using FollowSpec = Strata.Differential.Engine.SpecBuilder<Strata.Differential.Tests.Data.WorldIndex, Strata.Differential.Tests.World.Follow, Strata.Differential.Tests.World.FollowWhere, Strata.Differential.Tests.World.FollowFields, Strata.Differential.Tests.World.FollowInclude, Strata.Differential.Tests.World.FollowSelect>;
using TagSpec = Strata.Differential.Engine.SpecBuilder<Strata.Differential.Tests.Data.WorldIndex, Strata.Differential.Tests.World.Tag, Strata.Differential.Tests.World.TagWhere, Strata.Differential.Tests.World.TagFields, Strata.Differential.Tests.World.TagInclude, Strata.Differential.Tests.World.TagSelect>;
using Strata.Differential.Tests.World;

namespace Strata.Differential.Tests.Data;

/// <summary>The specs of the test world's models (Schema/world.prisma), built from the generated proxies.</summary>
public static class WorldModel
{
    private static readonly DateTime[] Dates = [WorldData.Epoch, WorldData.Epoch.AddDays(1), WorldData.Epoch.AddDays(2).AddMinutes(1), WorldData.Epoch.AddDays(-3650), WorldData.Epoch.AddHours(12)];
    private static readonly int[] Small = [0, 1, 2, 3, 5, 10, 17, 30, 45, 69, 100, 201, 300, 500, -1];
    private static readonly string[] Texts = [.. WorldData.Words, .. WorldData.Names.OfType<string>(), "a", "A", "e", "É", "é", "%", "_", "\\", "'", "-1", "alpha beta", "zz"];

    public static ModelSpec Member { get; }
    public static ModelSpec Post { get; }
    public static ModelSpec Comment { get; }
    public static ModelSpec Follow { get; }
    public static ModelSpec Tag { get; }

    /// <summary>The models queries start from, and how often.</summary>
    public static (ModelSpec, int)[] Roots => [(Member, 40), (Post, 25), (Comment, 10), (Follow, 15), (Tag, 10)];

    /// <summary>Tier's values as the database stores them (ENTERPRISE is mapped to "ent").</summary>
    public static string TierName(Tier tier) => tier == World.Tier.Enterprise ? "ent" : tier.ToString().ToUpperInvariant();

    static WorldModel()
    {
        Semantics.EnumNames[typeof(Tier)] = e => TierName((Tier)e);
        Member = Members();
        Post = Posts();
        Comment = Comments();
        Follow = Follows();
        Tag = Tags();
        Member.Relations = MemberRelations();
        Post.Relations = PostRelations();
        Comment.Relations = [CommentSpec.One<PostSelect, PostWhere, PostFields, PostInclude>(
            "Post", () => Post, (w, c) => w.One(w.PostsById[c.PostId]), x => x.Post, x => x.Post, x => x.Post, e => e.Post, x => x.Post)];
        Follow.Relations =
        [
            FollowSpec.One<MemberSelect, MemberWhere, MemberFields, MemberInclude>(
                "Follower", () => Member, (w, f) => w.One(w.Member(f.FollowerId)), x => x.Follower, x => x.Follower, x => x.Follower, e => e.Follower, x => x.Follower),
            FollowSpec.One<MemberSelect, MemberWhere, MemberFields, MemberInclude>(
                "Followed", () => Member, (w, f) => w.One(w.Member(f.FollowedId)), x => x.Followed, x => x.Followed, x => x.Followed, e => e.Followed, x => x.Followed),
        ];
        Tag.Relations = [TagSpec.Many<MemberSelect, MemberWhere, MemberFields, MemberInclude>(
            "Members", () => Member, (w, t) => w.Members(t), x => x.Members, x => x.Members, x => x.Members, e => e.Members, x => x.Members, e => e.RelationCounts?.Members)];
    }

    private static ModelSpec Members()
    {
        ScalarSpec[] s =
        [
            MemberSpec.Value("Id", ValueKind.Number, e => e.Id, x => x.Id, x => x.Id, x => x.Id, Small),
            MemberSpec.Text("Handle", false, e => e.Handle, x => x.Handle, x => x.Handle, x => x.Handle, Texts),
            MemberSpec.Text("Name", true, e => e.Name, x => x.Name, x => x.Name, x => x.Name, Texts),
            MemberSpec.Nullable("Age", ValueKind.Number, e => e.Age, x => x.Age, x => x.Age, x => x.Age, Small),
            MemberSpec.Value("Score", ValueKind.Number, e => e.Score, x => x.Score, x => x.Score, x => x.Score, WorldData.Scores),
            MemberSpec.Value("Balance", ValueKind.Number, e => e.Balance, x => x.Balance, x => x.Balance, x => x.Balance, WorldData.Balances),
            MemberSpec.Value("Karma", ValueKind.Number, e => e.Karma, x => x.Karma, x => x.Karma, x => x.Karma, WorldData.Karmas),
            MemberSpec.Bool("Active", e => e.Active, x => x.Active, x => x.Active, x => x.Active),
            MemberSpec.Enum<Tier>("Tier", false, e => e.Tier, x => x.Tier, x => x.Tier, x => x.Tier),
            MemberSpec.Enum<Tier>("Rank", true, e => e.Rank, x => x.Rank, x => x.Rank, x => x.Rank),
            MemberSpec.Nullable("BornAt", ValueKind.Date, e => e.BornAt, x => x.BornAt, x => x.BornAt, x => x.BornAt, Dates),
            MemberSpec.Value("JoinedAt", ValueKind.Date, e => e.JoinedAt, x => x.JoinedAt, x => x.JoinedAt, x => x.JoinedAt, Dates),
            MemberSpec.Object<byte[]>("Avatar", ValueKind.Bytes, e => e.Avatar, x => x.Avatar, x => x.Avatar, x => x.Avatar, WorldData.Avatars),
            MemberSpec.Json("Meta", e => e.Meta, x => x.Meta, x => x.Meta, x => x.Meta, WorldData.Metas.Select(m => JsonNode.Parse(m)!).ToArray()),
            MemberSpec.Nullable("InvitedById", ValueKind.Number, e => e.InvitedById, x => x.InvitedById, x => x.InvitedById, x => x.InvitedById, Small),
            MemberSpec.Nullable("MentorId", ValueKind.Number, e => e.MentorId, x => x.MentorId, x => x.MentorId, x => x.MentorId, Small),
        ];
        return new ModelSpec
        {
            Name = "Member", Scalars = s, Rows = d => ((WorldData)d).Members, Run = (db, c) => QueryRunner.RunAsync(((WorldDb)db).Members, c), RunSelect = (db, c, row) => QueryRunner.SelectAsync(((WorldDb)db).Members, c, q => q.Select(x => row(x))), RunAggregate = (db, c) => QueryRunner.AggregateAsync(((WorldDb)db).Members, c), Key = [s[0]],
            Cursor = (u, key) => ((MemberUnique)u).Id == (int)key[0]!,
        };
    }

    private static RelationSpec[] MemberRelations() =>
    [
        MemberSpec.One<MemberSelect, MemberWhere, MemberFields, MemberInclude>("InvitedBy", () => Member, (w, m) => w.One(w.Member(m.InvitedById)), x => x.InvitedBy, x => x.InvitedBy, x => x.InvitedBy, e => e.InvitedBy, x => x.InvitedBy),
        MemberSpec.Many<MemberSelect, MemberWhere, MemberFields, MemberInclude>("Invitees", () => Member, (w, m) => w.Invitees(m), x => x.Invitees, x => x.Invitees, x => x.Invitees, e => e.Invitees, x => x.Invitees, e => e.RelationCounts?.Invitees),
        MemberSpec.One<MemberSelect, MemberWhere, MemberFields, MemberInclude>("Mentor", () => Member, (w, m) => w.One(w.Member(m.MentorId)), x => x.Mentor, x => x.Mentor, x => x.Mentor, e => e.Mentor, x => x.Mentor),
        MemberSpec.One<MemberSelect, MemberWhere, MemberFields, MemberInclude>("Mentee", () => Member, (w, m) => w.Mentee(m), x => x.Mentee, x => x.Mentee, x => x.Mentee, e => e.Mentee, x => x.Mentee),
        MemberSpec.Many<MemberSelect, MemberWhere, MemberFields, MemberInclude>("Friends", () => Member, (w, m) => w.Friends(m), x => x.Friends, x => x.Friends, x => x.Friends, e => e.Friends, x => x.Friends, e => e.RelationCounts?.Friends),
        MemberSpec.Many<MemberSelect, MemberWhere, MemberFields, MemberInclude>("FriendOf", () => Member, (w, m) => w.FriendOf(m), x => x.FriendOf, x => x.FriendOf, x => x.FriendOf, e => e.FriendOf, x => x.FriendOf, e => e.RelationCounts?.FriendOf),
        MemberSpec.Many<FollowSelect, FollowWhere, FollowFields, FollowInclude>("Followers", () => Follow, (w, m) => w.Followers(m), x => x.Followers, x => x.Followers, x => x.Followers, e => e.Followers, x => x.Followers, e => e.RelationCounts?.Followers),
        MemberSpec.Many<FollowSelect, FollowWhere, FollowFields, FollowInclude>("Following", () => Follow, (w, m) => w.Following(m), x => x.Following, x => x.Following, x => x.Following, e => e.Following, x => x.Following, e => e.RelationCounts?.Following),
        MemberSpec.Many<PostSelect, PostWhere, PostFields, PostInclude>("Posts", () => Post, (w, m) => w.Posts(m), x => x.Posts, x => x.Posts, x => x.Posts, e => e.Posts, x => x.Posts, e => e.RelationCounts?.Posts),
        MemberSpec.Many<PostSelect, PostWhere, PostFields, PostInclude>("Edited", () => Post, (w, m) => w.Edited(m), x => x.Edited, x => x.Edited, x => x.Edited, e => e.Edited, x => x.Edited, e => e.RelationCounts?.Edited),
        MemberSpec.Many<TagSelect, TagWhere, TagFields, TagInclude>("Tags", () => Tag, (w, m) => w.Tags(m), x => x.Tags, x => x.Tags, x => x.Tags, e => e.Tags, x => x.Tags, e => e.RelationCounts?.Tags),
    ];

    private static ModelSpec Posts()
    {
        ScalarSpec[] s =
        [
            PostSpec.Value("Id", ValueKind.Number, e => e.Id, x => x.Id, x => x.Id, x => x.Id, Small),
            PostSpec.Text("Title", false, e => e.Title, x => x.Title, x => x.Title, x => x.Title, Texts),
            PostSpec.Text("Body", true, e => e.Body, x => x.Body, x => x.Body, x => x.Body, Texts),
            PostSpec.Value("Views", ValueKind.Number, e => e.Views, x => x.Views, x => x.Views, x => x.Views, Small),
            PostSpec.Nullable("Rating", ValueKind.Number, e => e.Rating, x => x.Rating, x => x.Rating, x => x.Rating, WorldData.Scores),
            PostSpec.Bool("Published", e => e.Published, x => x.Published, x => x.Published, x => x.Published),
            PostSpec.Value("AuthorId", ValueKind.Number, e => e.AuthorId, x => x.AuthorId, x => x.AuthorId, x => x.AuthorId, Small),
            PostSpec.Nullable("EditorId", ValueKind.Number, e => e.EditorId, x => x.EditorId, x => x.EditorId, x => x.EditorId, Small),
        ];
        return new ModelSpec { Name = "Post", Scalars = s, Rows = d => ((WorldData)d).Posts, Run = (db, c) => QueryRunner.RunAsync(((WorldDb)db).Posts, c), RunSelect = (db, c, row) => QueryRunner.SelectAsync(((WorldDb)db).Posts, c, q => q.Select(x => row(x))), RunAggregate = (db, c) => QueryRunner.AggregateAsync(((WorldDb)db).Posts, c), Key = [s[0]], Cursor = (u, key) => ((PostUnique)u).Id == (int)key[0]! };
    }

    private static RelationSpec[] PostRelations() =>
    [
        PostSpec.One<MemberSelect, MemberWhere, MemberFields, MemberInclude>("Author", () => Member, (w, p) => w.One(w.Member(p.AuthorId)), x => x.Author, x => x.Author, x => x.Author, e => e.Author, x => x.Author),
        PostSpec.One<MemberSelect, MemberWhere, MemberFields, MemberInclude>("Editor", () => Member, (w, p) => w.One(w.Member(p.EditorId)), x => x.Editor, x => x.Editor, x => x.Editor, e => e.Editor, x => x.Editor),
        PostSpec.Many<CommentSelect, CommentWhere, CommentFields, CommentInclude>("Comments", () => Comment, (w, p) => w.Comments(p), x => x.Comments, x => x.Comments, x => x.Comments, e => e.Comments, x => x.Comments, e => e.RelationCounts?.Comments),
    ];

    private static ModelSpec Comments()
    {
        ScalarSpec[] s =
        [
            CommentSpec.Value("PostId", ValueKind.Number, e => e.PostId, x => x.PostId, x => x.PostId, x => x.PostId, Small),
            CommentSpec.Value("Seq", ValueKind.Number, e => e.Seq, x => x.Seq, x => x.Seq, x => x.Seq, Small),
            CommentSpec.Text("Text", false, e => e.Text, x => x.Text, x => x.Text, x => x.Text, Texts),
            CommentSpec.Value("Likes", ValueKind.Number, e => e.Likes, x => x.Likes, x => x.Likes, x => x.Likes, Small),
        ];
        return new ModelSpec
        {
            Name = "Comment", Scalars = s, Rows = d => ((WorldData)d).Comments, Run = (db, c) => QueryRunner.RunAsync(((WorldDb)db).Comments, c), RunSelect = (db, c, row) => QueryRunner.SelectAsync(((WorldDb)db).Comments, c, q => q.Select(x => row(x))), RunAggregate = (db, c) => QueryRunner.AggregateAsync(((WorldDb)db).Comments, c), Key = [s[0], s[1]],
            Cursor = (u, key) => ((CommentUnique)u).PostIdSeq((int)key[0]!, (int)key[1]!),
        };
    }

    private static ModelSpec Follows()
    {
        ScalarSpec[] s =
        [
            FollowSpec.Value("FollowerId", ValueKind.Number, e => e.FollowerId, x => x.FollowerId, x => x.FollowerId, x => x.FollowerId, Small),
            FollowSpec.Value("FollowedId", ValueKind.Number, e => e.FollowedId, x => x.FollowedId, x => x.FollowedId, x => x.FollowedId, Small),
            FollowSpec.Value("Since", ValueKind.Date, e => e.Since, x => x.Since, x => x.Since, x => x.Since, Dates),
            FollowSpec.Value("Weight", ValueKind.Number, e => e.Weight, x => x.Weight, x => x.Weight, x => x.Weight, Small),
        ];
        return new ModelSpec
        {
            Name = "Follow", Scalars = s, Rows = d => ((WorldData)d).Follows, Run = (db, c) => QueryRunner.RunAsync(((WorldDb)db).Follows, c), RunSelect = (db, c, row) => QueryRunner.SelectAsync(((WorldDb)db).Follows, c, q => q.Select(x => row(x))), RunAggregate = (db, c) => QueryRunner.AggregateAsync(((WorldDb)db).Follows, c), Key = [s[0], s[1]],
            Cursor = (u, key) => ((FollowUnique)u).FollowerIdFollowedId((int)key[0]!, (int)key[1]!),
        };
    }

    private static ModelSpec Tags()
    {
        ScalarSpec[] s =
        [
            TagSpec.Value("Id", ValueKind.Number, e => e.Id, x => x.Id, x => x.Id, x => x.Id, Small),
            TagSpec.Text("Label", false, e => e.Label, x => x.Label, x => x.Label, x => x.Label, ["red", "Red", "RED", "big", "small", "b", "r"]),
            TagSpec.Text("Group", false, e => e.Group, x => x.Group, x => x.Group, x => x.Group, ["color", "Color", "size", "c", "s"]),
        ];
        return new ModelSpec { Name = "Tag", Scalars = s, Rows = d => ((WorldData)d).Tags, Run = (db, c) => QueryRunner.RunAsync(((WorldDb)db).Tags, c), RunSelect = (db, c, row) => QueryRunner.SelectAsync(((WorldDb)db).Tags, c, q => q.Select(x => row(x))), RunAggregate = (db, c) => QueryRunner.AggregateAsync(((WorldDb)db).Tags, c), Key = [s[0]], Cursor = (u, key) => ((TagUnique)u).Id == (int)key[0]! };
    }
}
