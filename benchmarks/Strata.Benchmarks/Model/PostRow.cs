namespace Strata.Benchmarks.Model;

/// <summary>
/// A post as hand-written ADO.NET, Dapper and EF Core read and write it: the 13 columns of the
/// schema's Post model. Strata uses its generated <c>Post</c> instead.
/// </summary>
public sealed class PostRow
{
    public int Id { get; set; }
    public int AuthorId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Slug { get; set; }
    public int Views { get; set; }
    public int Likes { get; set; }
    public int Rank { get; set; }
    public int? Rating { get; set; }
    public int Flags { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }

    /// <summary>Null unless the relation scenario loads them, so other scenarios allocate no list per row.</summary>
    public List<CommentRow>? Comments { get; set; }
}
