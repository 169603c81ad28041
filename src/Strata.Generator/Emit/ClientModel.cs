using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Semantics;

namespace Strata.Generator.Emit
{
    /// <summary>The schema as the emitters need it: C# names and types for every model, column, relation and enum.</summary>
    internal sealed class ClientModel
    {
        public ClientModel(SchemaDefinition schema, string ns, string clientName)
        {
            Schema = schema;
            Namespace = ns;
            ClientName = clientName;
            Provider = schema.Provider;
            var enumNames = new Naming.Scope();
            foreach (var e in schema.Enums) Enums.Add(new EnumShape(e, enumNames.Claim(Naming.Identifier(e.Name))));
            var accessors = new Naming.Scope("Context", "ProviderName", "MigrateAsync", "MigrationStatusAsync", "Dispose", "DisposeAsync", "TransactionAsync", "BatchAsync", clientName);
            foreach (var m in schema.Models.Where(m => !m.IsIgnored))
                Models.Add(new ModelShape(this, m, accessors.Claim(Naming.Pascal(Naming.Plural(m.Name)))));
            foreach (var model in Models) model.ResolveRelations(this);
        }

        public SchemaDefinition Schema { get; }

        /// <summary>The schema's folder relative to the project folder, or null when unknown.</summary>
        public string? SchemaFolder { get; set; }

        public string Namespace { get; }

        public string ClientName { get; }

        public ProviderKind Provider { get; }

        public string MetadataClass => ClientName + "Model";

        public List<ModelShape> Models { get; } = new List<ModelShape>();

        public List<EnumShape> Enums { get; } = new List<EnumShape>();

        public ModelShape? Find(ModelDefinition model) => Models.FirstOrDefault(m => m.Definition == model);

        public EnumShape Enum(EnumDefinition definition) => Enums.First(e => e.Definition == definition);
    }

    internal sealed class EnumShape
    {
        public EnumShape(EnumDefinition definition, string name)
        {
            Definition = definition;
            Name = name;
            TypePrefix = name.TrimStart('@');
            var members = new Naming.Scope("value__");
            Values = definition.Values.Select(v => (v, members.Claim(Naming.Pascal(v.Name)))).ToList();
        }

        public EnumDefinition Definition { get; }

        public string Name { get; }

        /// <summary>The enum's name without <c>@</c>, for the names of its other types and files.</summary>
        public string TypePrefix { get; }

        public string MappingName => TypePrefix + "Mapping";

        public List<(EnumValueDefinition Value, string Member)> Values { get; }
    }

    internal sealed class ModelShape
    {
        public ModelShape(ClientModel client, ModelDefinition definition, string accessor)
        {
            Definition = definition;
            Name = Naming.Identifier(definition.Name);
            TypePrefix = definition.Name;
            Accessor = accessor;
            var members = new Naming.Scope(definition.Name, "Instance", "GetValue", "SetValue", "GetRelation", "SetRelation", "RelationCounts", "Selected", "SelectedRow", "SelectList", "SelectSingle", "Equals", "GetHashCode", "ToString", "GetType");
            foreach (var field in definition.Fields)
            {
                if (field.IsIgnored || field.Kind == FieldKind.Unsupported || field.Kind == FieldKind.Relation) continue;
                Columns.Add(new ColumnShape(client, field, Columns.Count, members.Claim(Naming.Pascal(field.Name))));
            }
            foreach (var field in definition.Fields.Where(f => f.Kind == FieldKind.Relation && !f.IsIgnored))
                PendingRelations.Add((field, members.Claim(Naming.Pascal(field.Name))));
        }

        public ModelDefinition Definition { get; }

        /// <summary>The entity's C# name (with <c>@</c> when the model's name is a keyword).</summary>
        public string Name { get; }

        /// <summary>The start of the names of the model's other types (<c>UserCreate</c>, <c>UserQuery</c>): the model's name without <c>@</c>.</summary>
        public string TypePrefix { get; }

        public string Accessor { get; }

        public List<ColumnShape> Columns { get; } = new List<ColumnShape>();

        public List<RelationShape> Relations { get; } = new List<RelationShape>();

        private List<(FieldDefinition Field, string Member)> PendingRelations { get; } = new List<(FieldDefinition, string)>();

        public ColumnShape? Column(FieldDefinition field) => Columns.FirstOrDefault(c => c.Field == field);

        /// <summary>The unique criteria whose fields are all client columns, with their index in ModelInfo.Uniques.</summary>
        public List<(KeyDefinition Key, int[] Columns)> Uniques { get; } = new List<(KeyDefinition, int[])>();

        public void ResolveRelations(ClientModel client)
        {
            var keys = new List<KeyDefinition>();
            if (Definition.PrimaryKey != null) keys.Add(Definition.PrimaryKey);
            keys.AddRange(Definition.Uniques);
            foreach (var key in keys)
            {
                var columns = key.Fields.Select(f => Column(f.Field)).ToList();
                if (columns.All(c => c != null)) Uniques.Add((key, columns.Select(c => c!.Index).ToArray()));
            }
            foreach (var (field, member) in PendingRelations)
            {
                var target = client.Find(field.RelatedModel!);
                if (target == null || field.Relation == null) continue; // relations to ignored models are not in the client
                var shape = RelationShape.Create(this, field, member, target, Relations.Count);
                if (shape != null) Relations.Add(shape);
            }
        }
    }

    internal sealed class ColumnShape
    {
        public ColumnShape(ClientModel client, FieldDefinition field, int index, string member)
        {
            Field = field;
            Index = index;
            Member = member;
            Enum = field.EnumType == null ? null : client.Enum(field.EnumType);
            Kind = field.Kind == FieldKind.Enum ? "Enum"
                : field.Kind == FieldKind.Composite ? "Json"
                : field.ScalarType!.Value.ToString();
            ElementType = Kind switch
            {
                "String" => "string",
                "Int" => "int",
                "BigInt" => "long",
                "Float" => "double",
                "Decimal" => "decimal",
                "Boolean" => "bool",
                "DateTime" => "global::System.DateTime",
                "Json" => "global::System.Text.Json.Nodes.JsonNode",
                "Bytes" => "byte[]",
                _ => "global::" + client.Namespace + "." + Enum!.Name,
            };
        }

        public FieldDefinition Field { get; }

        public int Index { get; }

        public string Member { get; }

        public EnumShape? Enum { get; }

        /// <summary>The ScalarKind member name.</summary>
        public string Kind { get; }

        /// <summary>The C# type of one value.</summary>
        public string ElementType { get; }

        public bool IsList => Field.IsList;

        public bool IsOptional => Field.IsOptional;

        public bool IsValueType => Kind is "Int" or "BigInt" or "Float" or "Decimal" or "Boolean" or "DateTime" or "Enum";

        public bool IsNumber => Kind is "Int" or "BigInt" or "Float" or "Decimal";

        /// <summary>The entity property's type.</summary>
        public string Type => IsList ? $"global::System.Collections.Generic.List<{ElementType}>" : IsOptional ? ElementType + "?" : ElementType;

        /// <summary>True when a create must set it: required, no default, not @updatedAt, and not filled by a relation.</summary>
        public bool IsRequiredOnCreate(ModelShape model) =>
            !IsOptional && !IsList && Field.Default == null && !Field.IsUpdatedAt
            && !model.Definition.RelationFields.Any(r => r.Relation?.ForeignKeyFields.Contains(Field) == true);
    }

    internal sealed class RelationShape
    {
        public int Index { get; private set; }

        public string Member { get; private set; } = "";

        public FieldDefinition Field { get; private set; } = null!;

        public ModelShape Target { get; private set; } = null!;

        public bool IsList { get; private set; }

        public bool HoldsForeignKey { get; private set; }

        public int[] LocalColumns { get; private set; } = new int[0];

        public int[] TargetColumns { get; private set; } = new int[0];

        public string? ForeignKeyName { get; private set; }

        /// <summary>The relation's actions (defaults applied) as ReferentialAction member names; null for many-to-many.</summary>
        public (string OnDelete, string OnUpdate)? Actions { get; private set; }

        public (string Name, string? Schema, string Local, string Target, string LocalKind, string TargetKind)? JoinTable { get; private set; }

        public static RelationShape? Create(ModelShape owner, FieldDefinition field, string member, ModelShape target, int index)
        {
            var relation = field.Relation!;
            var shape = new RelationShape { Index = index, Member = member, Field = field, Target = target, IsList = field.IsList };
            if (relation.Kind == RelationKind.ManyToMany)
            {
                var ownKey = owner.Definition.PrimaryKey?.Fields[0].Field;
                var targetKey = target.Definition.PrimaryKey?.Fields[0].Field;
                var ownColumn = ownKey == null ? null : owner.Column(ownKey);
                var targetColumn = targetKey == null ? null : target.Column(targetKey);
                if (ownColumn == null || targetColumn == null) return null;
                bool isA = ReferenceEquals(relation.FieldA, field);
                var a = (ModelDefinition)relation.FieldA.Container;
                shape.LocalColumns = new[] { ownColumn.Index };
                shape.TargetColumns = new[] { targetColumn.Index };
                shape.JoinTable = (relation.JoinTableName, a.DatabaseSchema, isA ? "A" : "B", isA ? "B" : "A", ownColumn.Kind, targetColumn.Kind);
                return shape;
            }
            shape.HoldsForeignKey = ReferenceEquals(relation.FieldA, field);
            var fk = relation.ForeignKeyFields;
            var referenced = relation.ReferencedFields;
            var local = shape.HoldsForeignKey ? fk : referenced;
            var remote = shape.HoldsForeignKey ? referenced : fk;
            var localColumns = local.Select(owner.Column).ToList();
            var remoteColumns = remote.Select(target.Column).ToList();
            if (localColumns.Count == 0 || localColumns.Any(c => c == null) || remoteColumns.Any(c => c == null)) return null;
            shape.LocalColumns = localColumns.Select(c => c!.Index).ToArray();
            shape.TargetColumns = remoteColumns.Select(c => c!.Index).ToArray();
            if (shape.HoldsForeignKey) shape.ForeignKeyName = relation.ForeignKeyName;
            shape.Actions = (relation.OnDelete.ToString(), relation.OnUpdate.ToString());
            return shape;
        }
    }
}
