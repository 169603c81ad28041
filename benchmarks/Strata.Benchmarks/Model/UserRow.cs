namespace Strata.Benchmarks.Model;

/// <summary>A user as hand-written ADO.NET, Dapper and EF Core read it.</summary>
public sealed class UserRow
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";

    /// <summary>Null unless the relation scenario loads them.</summary>
    public List<PostRow>? Posts { get; set; }
}
