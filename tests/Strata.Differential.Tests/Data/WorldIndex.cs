using Strata.Differential.Tests.World;

namespace Strata.Differential.Tests.Data;

/// <summary>The in-memory world's relations, looked up by key: what the oracle follows for relation filters and includes.</summary>
public sealed class WorldIndex
{
    public WorldIndex(WorldData data)
    {
        Data = data;
        MembersById = data.Members.ToDictionary(m => m.Id);
        PostsById = data.Posts.ToDictionary(p => p.Id);
        TagsById = data.Tags.ToDictionary(t => t.Id);
    }

    public WorldData Data { get; }

    public Dictionary<int, Member> MembersById { get; }

    public Dictionary<int, Post> PostsById { get; }

    public Dictionary<int, Tag> TagsById { get; }

    public IEnumerable<object> One(object? row) => row == null ? [] : [row];

    public Member? Member(int? id) => id is int i ? MembersById.GetValueOrDefault(i) : null;

    public IEnumerable<object> Invitees(Member m) => Data.Members.Where(x => x.InvitedById == m.Id);

    public IEnumerable<object> Mentee(Member m) => Data.Members.Where(x => x.MentorId == m.Id);

    public IEnumerable<object> Friends(Member m) => Data.Friends.Where(f => f.A == m.Id).Select(f => (object)MembersById[f.B]);

    public IEnumerable<object> FriendOf(Member m) => Data.Friends.Where(f => f.B == m.Id).Select(f => (object)MembersById[f.A]);

    public IEnumerable<object> Followers(Member m) => Data.Follows.Where(f => f.FollowedId == m.Id);

    public IEnumerable<object> Following(Member m) => Data.Follows.Where(f => f.FollowerId == m.Id);

    public IEnumerable<object> Posts(Member m) => Data.Posts.Where(p => p.AuthorId == m.Id);

    public IEnumerable<object> Edited(Member m) => Data.Posts.Where(p => p.EditorId == m.Id);

    public IEnumerable<object> Tags(Member m) => Data.MemberTags.Where(t => t.Member == m.Id).Select(t => (object)TagsById[t.Tag]);

    public IEnumerable<object> Members(Tag t) => Data.MemberTags.Where(x => x.Tag == t.Id).Select(x => (object)MembersById[x.Member]);

    public IEnumerable<object> Comments(Post p) => Data.Comments.Where(c => c.PostId == p.Id);
}
