using System.Text.Json.Nodes;
using Strata.Differential.Tests.Data;
using Strata.Differential.Tests.World;

namespace Strata.Differential.Tests.Cases;

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

    public static ModelSpec[] All => [Member, Post, Comment, Follow, Tag];

    static WorldModel()
    {
        Member = Members();
        Post = Posts();
        Comment = Comments();
        Follow = Follows();
        Tag = Tags();
        Member.Relations = MemberRelations();
        Post.Relations = PostRelations();
        Comment.Relations = [SpecBuilder<Comment, CommentWhere, CommentFields, CommentInclude>.One<PostWhere, PostFields, PostInclude>(
            "Post", () => Post, (w, c) => w.One(w.PostsById[c.PostId]), x => x.Post, x => x.Post, e => e.Post)];
        Follow.Relations =
        [
            SpecBuilder<Follow, FollowWhere, FollowFields, FollowInclude>.One<MemberWhere, MemberFields, MemberInclude>(
                "Follower", () => Member, (w, f) => w.One(w.Member(f.FollowerId)), x => x.Follower, x => x.Follower, e => e.Follower),
            SpecBuilder<Follow, FollowWhere, FollowFields, FollowInclude>.One<MemberWhere, MemberFields, MemberInclude>(
                "Followed", () => Member, (w, f) => w.One(w.Member(f.FollowedId)), x => x.Followed, x => x.Followed, e => e.Followed),
        ];
        Tag.Relations = [SpecBuilder<Tag, TagWhere, TagFields, TagInclude>.Many<MemberWhere, MemberFields, MemberInclude>(
            "Members", () => Member, (w, t) => w.Members(t), x => x.Members, x => x.Members, e => e.Members)];
    }

    private static ModelSpec Members()
    {
        ScalarSpec[] s =
        [
            SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Value("Id", ValueKind.Number, e => e.Id, x => x.Id, x => x.Id, Small),
            SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Text("Handle", false, e => e.Handle, x => x.Handle, x => x.Handle, Texts),
            SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Text("Name", true, e => e.Name, x => x.Name, x => x.Name, Texts),
            SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Nullable("Age", ValueKind.Number, e => e.Age, x => x.Age, x => x.Age, Small),
            SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Value("Score", ValueKind.Number, e => e.Score, x => x.Score, x => x.Score, WorldData.Scores),
            SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Value("Balance", ValueKind.Number, e => e.Balance, x => x.Balance, x => x.Balance, WorldData.Balances),
            SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Value("Karma", ValueKind.Number, e => e.Karma, x => x.Karma, x => x.Karma, WorldData.Karmas),
            SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Bool("Active", e => e.Active, x => x.Active, x => x.Active),
            SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Enum<Tier>("Tier", false, e => e.Tier, x => x.Tier, x => x.Tier),
            SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Enum<Tier>("Rank", true, e => e.Rank, x => x.Rank, x => x.Rank),
            SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Nullable("BornAt", ValueKind.Date, e => e.BornAt, x => x.BornAt, x => x.BornAt, Dates),
            SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Value("JoinedAt", ValueKind.Date, e => e.JoinedAt, x => x.JoinedAt, x => x.JoinedAt, Dates),
            SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Object<byte[]>("Avatar", ValueKind.Bytes, e => e.Avatar, x => x.Avatar, x => x.Avatar, WorldData.Avatars),
            SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Object<JsonNode>("Meta", ValueKind.Json, e => e.Meta, x => x.Meta, x => x.Meta, []),
            SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Nullable("InvitedById", ValueKind.Number, e => e.InvitedById, x => x.InvitedById, x => x.InvitedById, Small),
            SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Nullable("MentorId", ValueKind.Number, e => e.MentorId, x => x.MentorId, x => x.MentorId, Small),
        ];
        return new ModelSpec
        {
            Name = "Member", Scalars = s, Rows = d => d.Members, Key = [s[0]],
            Cursor = (u, key) => ((MemberUnique)u).Id == (int)key[0]!,
        };
    }

    private static RelationSpec[] MemberRelations() =>
    [
        SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.One<MemberWhere, MemberFields, MemberInclude>("InvitedBy", () => Member, (w, m) => w.One(w.Member(m.InvitedById)), x => x.InvitedBy, x => x.InvitedBy, e => e.InvitedBy),
        SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Many<MemberWhere, MemberFields, MemberInclude>("Invitees", () => Member, (w, m) => w.Invitees(m), x => x.Invitees, x => x.Invitees, e => e.Invitees),
        SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.One<MemberWhere, MemberFields, MemberInclude>("Mentor", () => Member, (w, m) => w.One(w.Member(m.MentorId)), x => x.Mentor, x => x.Mentor, e => e.Mentor),
        SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.One<MemberWhere, MemberFields, MemberInclude>("Mentee", () => Member, (w, m) => w.Mentee(m), x => x.Mentee, x => x.Mentee, e => e.Mentee),
        SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Many<MemberWhere, MemberFields, MemberInclude>("Friends", () => Member, (w, m) => w.Friends(m), x => x.Friends, x => x.Friends, e => e.Friends),
        SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Many<MemberWhere, MemberFields, MemberInclude>("FriendOf", () => Member, (w, m) => w.FriendOf(m), x => x.FriendOf, x => x.FriendOf, e => e.FriendOf),
        SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Many<FollowWhere, FollowFields, FollowInclude>("Followers", () => Follow, (w, m) => w.Followers(m), x => x.Followers, x => x.Followers, e => e.Followers),
        SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Many<FollowWhere, FollowFields, FollowInclude>("Following", () => Follow, (w, m) => w.Following(m), x => x.Following, x => x.Following, e => e.Following),
        SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Many<PostWhere, PostFields, PostInclude>("Posts", () => Post, (w, m) => w.Posts(m), x => x.Posts, x => x.Posts, e => e.Posts),
        SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Many<PostWhere, PostFields, PostInclude>("Edited", () => Post, (w, m) => w.Edited(m), x => x.Edited, x => x.Edited, e => e.Edited),
        SpecBuilder<Member, MemberWhere, MemberFields, MemberInclude>.Many<TagWhere, TagFields, TagInclude>("Tags", () => Tag, (w, m) => w.Tags(m), x => x.Tags, x => x.Tags, e => e.Tags),
    ];

    private static ModelSpec Posts()
    {
        ScalarSpec[] s =
        [
            SpecBuilder<Post, PostWhere, PostFields, PostInclude>.Value("Id", ValueKind.Number, e => e.Id, x => x.Id, x => x.Id, Small),
            SpecBuilder<Post, PostWhere, PostFields, PostInclude>.Text("Title", false, e => e.Title, x => x.Title, x => x.Title, Texts),
            SpecBuilder<Post, PostWhere, PostFields, PostInclude>.Text("Body", true, e => e.Body, x => x.Body, x => x.Body, Texts),
            SpecBuilder<Post, PostWhere, PostFields, PostInclude>.Value("Views", ValueKind.Number, e => e.Views, x => x.Views, x => x.Views, Small),
            SpecBuilder<Post, PostWhere, PostFields, PostInclude>.Nullable("Rating", ValueKind.Number, e => e.Rating, x => x.Rating, x => x.Rating, WorldData.Scores),
            SpecBuilder<Post, PostWhere, PostFields, PostInclude>.Bool("Published", e => e.Published, x => x.Published, x => x.Published),
            SpecBuilder<Post, PostWhere, PostFields, PostInclude>.Value("AuthorId", ValueKind.Number, e => e.AuthorId, x => x.AuthorId, x => x.AuthorId, Small),
            SpecBuilder<Post, PostWhere, PostFields, PostInclude>.Nullable("EditorId", ValueKind.Number, e => e.EditorId, x => x.EditorId, x => x.EditorId, Small),
        ];
        return new ModelSpec { Name = "Post", Scalars = s, Rows = d => d.Posts, Key = [s[0]], Cursor = (u, key) => ((PostUnique)u).Id == (int)key[0]! };
    }

    private static RelationSpec[] PostRelations() =>
    [
        SpecBuilder<Post, PostWhere, PostFields, PostInclude>.One<MemberWhere, MemberFields, MemberInclude>("Author", () => Member, (w, p) => w.One(w.Member(p.AuthorId)), x => x.Author, x => x.Author, e => e.Author),
        SpecBuilder<Post, PostWhere, PostFields, PostInclude>.One<MemberWhere, MemberFields, MemberInclude>("Editor", () => Member, (w, p) => w.One(w.Member(p.EditorId)), x => x.Editor, x => x.Editor, e => e.Editor),
        SpecBuilder<Post, PostWhere, PostFields, PostInclude>.Many<CommentWhere, CommentFields, CommentInclude>("Comments", () => Comment, (w, p) => w.Comments(p), x => x.Comments, x => x.Comments, e => e.Comments),
    ];

    private static ModelSpec Comments()
    {
        ScalarSpec[] s =
        [
            SpecBuilder<Comment, CommentWhere, CommentFields, CommentInclude>.Value("PostId", ValueKind.Number, e => e.PostId, x => x.PostId, x => x.PostId, Small),
            SpecBuilder<Comment, CommentWhere, CommentFields, CommentInclude>.Value("Seq", ValueKind.Number, e => e.Seq, x => x.Seq, x => x.Seq, Small),
            SpecBuilder<Comment, CommentWhere, CommentFields, CommentInclude>.Text("Text", false, e => e.Text, x => x.Text, x => x.Text, Texts),
            SpecBuilder<Comment, CommentWhere, CommentFields, CommentInclude>.Value("Likes", ValueKind.Number, e => e.Likes, x => x.Likes, x => x.Likes, Small),
        ];
        return new ModelSpec
        {
            Name = "Comment", Scalars = s, Rows = d => d.Comments, Key = [s[0], s[1]],
            Cursor = (u, key) => ((CommentUnique)u).PostIdSeq((int)key[0]!, (int)key[1]!),
        };
    }

    private static ModelSpec Follows()
    {
        ScalarSpec[] s =
        [
            SpecBuilder<Follow, FollowWhere, FollowFields, FollowInclude>.Value("FollowerId", ValueKind.Number, e => e.FollowerId, x => x.FollowerId, x => x.FollowerId, Small),
            SpecBuilder<Follow, FollowWhere, FollowFields, FollowInclude>.Value("FollowedId", ValueKind.Number, e => e.FollowedId, x => x.FollowedId, x => x.FollowedId, Small),
            SpecBuilder<Follow, FollowWhere, FollowFields, FollowInclude>.Value("Since", ValueKind.Date, e => e.Since, x => x.Since, x => x.Since, Dates),
            SpecBuilder<Follow, FollowWhere, FollowFields, FollowInclude>.Value("Weight", ValueKind.Number, e => e.Weight, x => x.Weight, x => x.Weight, Small),
        ];
        return new ModelSpec
        {
            Name = "Follow", Scalars = s, Rows = d => d.Follows, Key = [s[0], s[1]],
            Cursor = (u, key) => ((FollowUnique)u).FollowerIdFollowedId((int)key[0]!, (int)key[1]!),
        };
    }

    private static ModelSpec Tags()
    {
        ScalarSpec[] s =
        [
            SpecBuilder<Tag, TagWhere, TagFields, TagInclude>.Value("Id", ValueKind.Number, e => e.Id, x => x.Id, x => x.Id, Small),
            SpecBuilder<Tag, TagWhere, TagFields, TagInclude>.Text("Label", false, e => e.Label, x => x.Label, x => x.Label, ["red", "Red", "RED", "big", "small", "b", "r"]),
            SpecBuilder<Tag, TagWhere, TagFields, TagInclude>.Text("Group", false, e => e.Group, x => x.Group, x => x.Group, ["color", "Color", "size", "c", "s"]),
        ];
        return new ModelSpec { Name = "Tag", Scalars = s, Rows = d => d.Tags, Key = [s[0]], Cursor = (u, key) => ((TagUnique)u).Id == (int)key[0]! };
    }
}
