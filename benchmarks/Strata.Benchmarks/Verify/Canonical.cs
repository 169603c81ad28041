using System.Globalization;
using System.Text;
using Strata.Benchmarks.Model;
using Entities = Strata.Benchmarks.Data;

namespace Strata.Benchmarks.Verify;

/// <summary>
/// Results in one text form whatever library returned them, so they compare as strings: one line per
/// record, every field, DateTime as UTC ticks with its kind. Where a scenario does not fix an order
/// (all rows, children of a relation), lines are sorted by key.
/// </summary>
public static class Canonical
{
    public static string Post(PostRow? p, bool withId = true) => p == null ? "(none)" :
        Line('P', withId ? p.Id : 0, p.AuthorId, p.Title, p.Body, p.Slug, p.Views, p.Likes, p.Rank, p.Rating, p.Flags, p.CreatedAt, p.UpdatedAt, p.PublishedAt);

    public static string Post(Entities.Post? p) => p == null ? "(none)" :
        Line('P', p.Id, p.AuthorId, p.Title, p.Body, p.Slug, p.Views, p.Likes, p.Rank, p.Rating, p.Flags, p.CreatedAt, p.UpdatedAt, p.PublishedAt);

    public static string Posts(IEnumerable<PostRow> posts, bool ordered) => Join((ordered ? posts : posts.OrderBy(p => p.Id)).Select(p => Post(p)));

    public static string Posts(IEnumerable<Entities.Post> posts, bool ordered) => Join((ordered ? posts : posts.OrderBy(p => p.Id)).Select(Post));

    public static string Users(IEnumerable<UserRow> users) => Join(users.Select(u =>
        Line('U', u.Id, u.Name, u.Email) + "\n" + Join((u.Posts ?? Missing<PostRow>("posts", u.Id)).OrderBy(p => p.Id).Select(p =>
            Post(p) + "\n" + Join((p.Comments ?? Missing<CommentRow>("comments", p.Id)).OrderBy(c => c.Id).Select(c => Line('C', c.Id, c.PostId, c.Author, c.Body, c.CreatedAt)))))));

    public static string Users(IEnumerable<Entities.User> users) => Join(users.Select(u =>
        Line('U', u.Id, u.Name, u.Email) + "\n" + Join((u.Posts ?? Missing<Entities.Post>("posts", u.Id)).OrderBy(p => p.Id).Select(p =>
            Post(p) + "\n" + Join((p.Comments ?? Missing<Entities.Comment>("comments", p.Id)).OrderBy(c => c.Id).Select(c => Line('C', c.Id, c.PostId, c.Author, c.Body, c.CreatedAt)))))));

    private static List<T> Missing<T>(string what, int id) => throw new VerificationException($"The {what} of record {id} were not loaded (null instead of a list).");

    private static string Join(IEnumerable<string> lines) => string.Join("\n", lines);

    private static string Line(char kind, params object?[] values)
    {
        var line = new StringBuilder().Append(kind);
        foreach (var value in values)
        {
            line.Append('|').Append(value switch
            {
                null => "null",
                DateTime d => d.Ticks.ToString(CultureInfo.InvariantCulture) + d.Kind.ToString()[0],
                string s => s,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            });
        }
        return line.ToString();
    }
}
