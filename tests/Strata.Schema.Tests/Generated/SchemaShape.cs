using System.Text;

namespace Strata.Schema.Tests.Generated;

/// <summary>
/// A generated schema before it is written out: plain lists that a defect can change in place.
/// <see cref="Render"/> writes it as schema text; what it holds need not be valid.
/// </summary>
internal sealed class SchemaShape
{
    /// <summary>"sqlite", "postgresql", or null for a schema without a datasource.</summary>
    public string? Provider { get; set; }

    /// <summary>"prisma" or "foreignKeys", or null to leave the property out.</summary>
    public string? RelationMode { get; set; }

    public List<string> PreviewFeatures { get; } = [];

    /// <summary>The datasource's <c>schemas</c> (PostgreSQL), none to leave the property out.</summary>
    public List<string> Schemas { get; } = [];

    public List<ModelShape> Models { get; } = [];

    public List<EnumShape> Enums { get; } = [];

    /// <summary>What was done to the schema to make it invalid, or null for a schema meant to be valid.</summary>
    public string? Defect { get; set; }

    public string Render()
    {
        var text = new StringBuilder();
        if (Provider != null)
        {
            text.Append("datasource db {\n  provider = \"").Append(Provider).Append("\"\n");
            if (RelationMode != null) text.Append("  relationMode = \"").Append(RelationMode).Append("\"\n");
            if (Schemas.Count > 0) text.Append("  schemas  = [").Append(string.Join(", ", Schemas.Select(n => $"\"{n}\""))).Append("]\n");
            text.Append("}\n\n");
        }
        if (PreviewFeatures.Count > 0)
        {
            text.Append("generator client {\n  provider        = \"prisma-client-js\"\n  previewFeatures = [")
                .Append(string.Join(", ", PreviewFeatures.Select(f => $"\"{f}\""))).Append("]\n}\n\n");
        }
        foreach (var e in Enums)
        {
            text.Append("enum ").Append(e.Name).Append(" {\n");
            foreach (var v in e.Values) text.Append("  ").Append(v).Append('\n');
            foreach (var a in e.BlockAttributes) text.Append("\n  ").Append(a).Append('\n');
            text.Append("}\n\n");
        }
        foreach (var m in Models)
        {
            text.Append(m.IsView ? "view " : "model ").Append(m.Name).Append(" {\n");
            foreach (var f in m.Fields)
            {
                text.Append("  ").Append(f.Name).Append(' ').Append(f.Type).Append(f.Modifier);
                foreach (var a in f.Attributes) text.Append(' ').Append(a);
                text.Append('\n');
            }
            if (m.BlockAttributes.Count > 0) text.Append('\n');
            foreach (var a in m.BlockAttributes) text.Append("  ").Append(a).Append('\n');
            text.Append("}\n\n");
        }
        return text.ToString();
    }
}

internal sealed class ModelShape(string name)
{
    public string Name { get; set; } = name;

    public bool IsView { get; set; }

    public List<FieldShape> Fields { get; } = [];

    public List<string> BlockAttributes { get; } = [];

    /// <summary>The single field marked <c>@id</c>, if there is one.</summary>
    public FieldShape? Id => Fields.FirstOrDefault(f => f.Attributes.Contains("@id"));
}

internal sealed class FieldShape(string name, string type, string modifier = "")
{
    public string Name { get; set; } = name;

    public string Type { get; set; } = type;

    /// <summary>"", "?" or "[]".</summary>
    public string Modifier { get; set; } = modifier;

    public List<string> Attributes { get; } = [];

    public bool IsRelation { get; set; }
}

internal sealed class EnumShape(string name)
{
    public string Name { get; } = name;

    /// <summary>The values as written, with their attributes (<c>Red @map("red")</c>).</summary>
    public List<string> Values { get; } = [];

    public List<string> BlockAttributes { get; } = [];
}
