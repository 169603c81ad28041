namespace Strata.Benchmarks.Model;

/// <summary>A comment as hand-written ADO.NET, Dapper and EF Core read it.</summary>
public sealed class CommentRow
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public string Author { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
