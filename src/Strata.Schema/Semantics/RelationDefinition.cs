using System.Collections.Generic;
using System.Linq;

namespace Strata.Schema.Semantics
{
    /// <summary>A relation between two models, resolved from its pair of relation fields.</summary>
    public sealed class RelationDefinition
    {
        internal RelationDefinition(string name, bool hasExplicitName, RelationKind kind, FieldDefinition fieldA, FieldDefinition fieldB)
        {
            Name = name;
            HasExplicitName = hasExplicitName;
            Kind = kind;
            FieldA = fieldA;
            FieldB = fieldB;
        }

        /// <summary>The relation name: the one given in <c>@relation</c>, else the two model names sorted and joined by <c>To</c>.</summary>
        public string Name { get; }

        /// <summary>True when the schema names the relation.</summary>
        public bool HasExplicitName { get; }

        /// <summary>One to one, one to many or many to many.</summary>
        public RelationKind Kind { get; }

        /// <summary>
        /// For one-to-one and one-to-many: the field on the side that holds the foreign key.
        /// For many-to-many: the field on the model that sorts first (column <c>A</c> of the join table refers to it).
        /// </summary>
        public FieldDefinition FieldA { get; }

        /// <summary>The other relation field.</summary>
        public FieldDefinition FieldB { get; }

        /// <summary>For one-to-one and one-to-many: the model whose table holds the foreign key.</summary>
        public ModelDefinition ReferencingModel => (ModelDefinition)FieldA.Container;

        /// <summary>For one-to-one and one-to-many: the model the foreign key points to.</summary>
        public ModelDefinition ReferencedModel => (ModelDefinition)FieldB.Container;

        /// <summary>The foreign key fields on <see cref="ReferencingModel"/> (empty for many-to-many).</summary>
        public IReadOnlyList<FieldDefinition> ForeignKeyFields { get; internal set; } = System.Array.Empty<FieldDefinition>();

        /// <summary>The referenced fields on <see cref="ReferencedModel"/> (empty for many-to-many).</summary>
        public IReadOnlyList<FieldDefinition> ReferencedFields { get; internal set; } = System.Array.Empty<FieldDefinition>();

        /// <summary>The <c>onDelete</c> given in the schema, or null.</summary>
        public ReferentialAction? ExplicitOnDelete => FieldA.RelationAttribute?.OnDelete;

        /// <summary>The <c>onUpdate</c> given in the schema, or null.</summary>
        public ReferentialAction? ExplicitOnUpdate => FieldA.RelationAttribute?.OnUpdate;

        /// <summary>The action on delete: as given, else SetNull when the foreign key is optional and Restrict when it is required (Prisma's defaults).</summary>
        public ReferentialAction OnDelete => ExplicitOnDelete
            ?? (ForeignKeyFields.Any(f => !f.IsOptional) ? ReferentialAction.Restrict : ReferentialAction.SetNull);

        /// <summary>The action on update: as given, else Cascade.</summary>
        public ReferentialAction OnUpdate => ExplicitOnUpdate ?? ReferentialAction.Cascade;

        /// <summary>The foreign key's database name: <c>map:</c>, else <c>{table}_{columns}_fkey</c>.</summary>
        public string ForeignKeyName => FieldA.RelationAttribute?.MappedName
            ?? ConstraintNames.ForeignKey(ReferencingModel.DatabaseName, ForeignKeyFields.Select(f => f.DatabaseName).ToList());

        /// <summary>For many-to-many: the join table, <c>_{Name}</c>.</summary>
        public string JoinTableName => "_" + Name;

        /// <summary>The field on the other side of <paramref name="field"/>.</summary>
        public FieldDefinition Opposite(FieldDefinition field) => ReferenceEquals(field, FieldA) ? FieldB : FieldA;

        /// <inheritdoc />
        public override string ToString() => $"{Name} ({Kind}: {FieldA} <-> {FieldB})";
    }
}
