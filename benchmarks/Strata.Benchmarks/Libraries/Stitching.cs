using Strata.Benchmarks.Model;

namespace Strata.Benchmarks.Libraries;

/// <summary>Puts batched child rows under their parents, as hand-written code (and Dapper's users) do.</summary>
public static class Stitching
{
    /// <summary>Gives every user its posts (an empty list when it has none); returns the posts' ids for the next level.</summary>
    public static int[] AttachPosts(List<UserRow> users, List<PostRow> posts)
    {
        var byId = new Dictionary<int, UserRow>(users.Count);
        foreach (var user in users)
        {
            user.Posts = [];
            byId[user.Id] = user;
        }
        var ids = new int[posts.Count];
        for (int i = 0; i < posts.Count; i++)
        {
            var post = posts[i];
            byId[post.AuthorId].Posts!.Add(post);
            ids[i] = post.Id;
        }
        return ids;
    }

    public static void AttachComments(List<PostRow> posts, List<CommentRow> comments)
    {
        var byId = new Dictionary<int, PostRow>(posts.Count);
        foreach (var post in posts)
        {
            post.Comments = [];
            byId[post.Id] = post;
        }
        foreach (var comment in comments) byId[comment.PostId].Comments!.Add(comment);
    }

    public static int[] Ids(List<UserRow> users)
    {
        var ids = new int[users.Count];
        for (int i = 0; i < users.Count; i++) ids[i] = users[i].Id;
        return ids;
    }

    /// <summary>Keys as a JSON array for SQLite's json_each: one parameter whatever the count.</summary>
    public static string JsonArray(int[] ids) => "[" + string.Join(',', ids) + "]";
}
