using System.ComponentModel;

namespace Strata;

/// <summary>
/// What the schema's <c>datasource</c> says about the database, as the generator saw it: the URL,
/// or the environment variable that holds it, and the schema's folder relative to the project.
/// A client constructed without a URL connects with it (generated code creates this).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SchemaDatasource
{
    /// <summary>Describes the schema's datasource (generated code calls this).</summary>
    /// <param name="urlVariable">The variable of <c>url = env("...")</c>, or null.</param>
    /// <param name="url">The literal <c>url = "..."</c>, or null.</param>
    /// <param name="schemaFolder">The schema's folder relative to the project folder (<c>prisma</c>, or empty), or null when unknown.</param>
    public SchemaDatasource(string? urlVariable, string? url, string? schemaFolder)
    {
        UrlVariable = urlVariable;
        Url = url;
        SchemaFolder = schemaFolder;
    }

    /// <summary>A datasource the generator knew nothing of (a client built by hand).</summary>
    public static SchemaDatasource Unknown { get; } = new(null, null, null);

    /// <summary>The variable of <c>url = env("...")</c>, or null.</summary>
    public string? UrlVariable { get; }

    /// <summary>The literal URL, or null.</summary>
    public string? Url { get; }

    /// <summary>The schema's folder relative to the project folder, or null when unknown.</summary>
    public string? SchemaFolder { get; }
}
