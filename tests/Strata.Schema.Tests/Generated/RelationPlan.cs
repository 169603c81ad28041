namespace Strata.Schema.Tests.Generated;

internal enum RelationKindShape { OneToMany, OneToOne, ManyToMany, Self }

/// <summary>
/// One relation to add between two generated models: the model that holds the foreign key
/// (<see cref="From"/>) and the one it refers to (<see cref="To"/>), both by index.
/// </summary>
internal sealed record RelationPlan(RelationKindShape Kind, int From, int To, bool Optional, string? OnDelete, string? OnUpdate)
{
    /// <param name="emulated">With <c>relationMode = "prisma"</c> a relation without chosen actions refuses both, so that the actions do not form cycles.</param>
    public void ApplyTo(SchemaShape schema, string name, bool emulated)
    {
        var holder = schema.Models[From];
        var target = Kind == RelationKindShape.Self ? holder : schema.Models[To];
        var key = target.Id ?? target.Fields.FirstOrDefault(f => f.Attributes.Contains("@unique") && f.Modifier == "");
        if (key == null) return;
        var lower = char.ToLowerInvariant(name[0]) + name[1..];
        if (Kind == RelationKindShape.ManyToMany)
        {
            if (holder == target || holder.Id == null || target.Id == null) return;
            holder.Fields.Add(new FieldShape($"{lower}{target.Name}s", target.Name, "[]") { IsRelation = true, Attributes = { $"@relation(\"{name}\")" } });
            target.Fields.Add(new FieldShape($"{lower}{holder.Name}s", holder.Name, "[]") { IsRelation = true, Attributes = { $"@relation(\"{name}\")" } });
            return;
        }
        bool optional = Optional || Kind == RelationKindShape.Self;
        var fk = new FieldShape($"{lower}Id", key.Type, optional ? "?" : "");
        if (Kind == RelationKindShape.OneToOne) fk.Attributes.Add("@unique");
        holder.Fields.Add(fk);
        var actions = (OnDelete != null ? $", onDelete: {OnDelete}" : "") + (OnUpdate != null ? $", onUpdate: {OnUpdate}" : "");
        if (emulated && OnDelete == null && OnUpdate == null) actions = ", onDelete: Restrict, onUpdate: Restrict";
        holder.Fields.Add(new FieldShape($"{lower}", target.Name, optional ? "?" : "")
        {
            IsRelation = true,
            Attributes = { $"@relation(\"{name}\", fields: [{fk.Name}], references: [{key.Name}]{actions})" },
        });
        target.Fields.Add(new FieldShape($"{lower}Back", holder.Name, Kind == RelationKindShape.OneToOne ? "?" : "[]")
        {
            IsRelation = true,
            Attributes = { $"@relation(\"{name}\")" },
        });
    }
}
