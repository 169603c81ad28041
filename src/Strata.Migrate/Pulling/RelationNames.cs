using Strata.Migrate.Model;

namespace Strata.Migrate.Pulling;

/// <summary>The relation name and the two relation field names that pull gives one relation.</summary>
/// <param name="Name">The relation name, or empty when the relation needs none.</param>
/// <param name="FieldOnFirst">The field on the referencing model (a foreign key) or on model A (a join table).</param>
/// <param name="FieldOnSecond">The field on the referenced model (a foreign key) or on model B (a join table).</param>
public sealed record RelationName(string Name, string FieldOnFirst, string FieldOnSecond);

/// <summary>
/// Names relations and their fields as Prisma's introspection does, so that a pulled schema reads
/// like the one `prisma db pull` writes. A relation field is named after the model it points to
/// (<c>User User</c>, <c>Post Post[]</c>); where two models have several relations between them, or
/// a foreign key column already has the other model's name, the relations are <em>ambiguous</em> and
/// take names built from the columns: <c>Person_mentorIdToPerson</c>, with fields
/// <c>Person_Person_mentorIdToPerson</c> and <c>other_Person_Person_mentorIdToPerson</c> (a
/// self-relation's back field starts with <c>other_</c>). A join table <c>_AToB</c> keeps its name as
/// the relation name unless it is the default one; ambiguous join tables add their table name to
/// the field names, and self-relations end them in <c>_A</c> and <c>_B</c>.
/// </summary>
public sealed class RelationNames
{
    private readonly Dictionary<ForeignKey, RelationName> _inline = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Table, RelationName> _joins = new(ReferenceEqualityComparer.Instance);

    /// <param name="tables">Every table, in the order the models are written (the ids are positions in it).</param>
    /// <param name="joinTables">The tables that are Prisma's implicit many-to-many join tables.</param>
    /// <param name="modelName">The model name of a table.</param>
    /// <param name="fieldName">The field name of a table's column.</param>
    /// <param name="referencedTable">The table a foreign key points to, or null when it is not pulled.</param>
    public RelationNames(IReadOnlyList<Table> tables, ISet<Table> joinTables, Func<Table, string> modelName,
        Func<Table, string, string> fieldName, Func<ForeignKey, Table?> referencedTable)
    {
        var ids = new Dictionary<Table, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < tables.Count; i++) ids[tables[i]] = i;
        (int, int) Pair(Table a, Table b) => ids[a] <= ids[b] ? (ids[a], ids[b]) : (ids[b], ids[a]);
        (Table A, Table B)? JoinEnds(Table join)
        {
            var ends = join.ForeignKeys.OrderBy(f => f.Columns[0], StringComparer.Ordinal).Select(referencedTable).ToList();
            return ends.Count == 2 && ends[0] != null && ends[1] != null ? (ends[0]!, ends[1]!) : null;
        }

        // Which pairs of tables have more than one relation between them.
        var ambiguous = new HashSet<(int, int)>();
        foreach (var table in tables)
        {
            if (joinTables.Contains(table))
            {
                if (JoinEnds(table) is not { } ends) continue;
                var pair = Pair(ends.A, ends.B);
                bool inline = new[] { ends.A, ends.B }.Any(end => end.ForeignKeys.Any(f => referencedTable(f) is { } r && Pair(end, r) == pair));
                bool twin = tables.Any(other => other != table && joinTables.Contains(other) && JoinEnds(other) is { } o && Pair(o.A, o.B) == pair);
                if (inline || twin) ambiguous.Add(pair);
                continue;
            }
            foreach (var fk in table.ForeignKeys)
            {
                if (referencedTable(fk) is not { } target) continue;
                var pair = Pair(table, target);
                // Another foreign key between the same two tables (one on other columns: a second
                // constraint on the same columns is the same relation).
                var nearby = table.ForeignKeys.Select(o => (Owner: table, Key: o)).Concat(target.ForeignKeys.Select(o => (Owner: target, Key: o)));
                bool other = nearby.Any(o => !ReferenceEquals(o.Key, fk) && (o.Owner != table || !o.Key.Columns.SequenceEqual(fk.Columns))
                    && referencedTable(o.Key) is { } r && Pair(o.Owner, r) == pair);
                bool clash = fk.Columns.Any(c => fieldName(table, c) == modelName(target));
                if (other || clash) ambiguous.Add(pair);
            }
        }

        foreach (var table in tables)
        {
            if (joinTables.Contains(table))
            {
                if (JoinEnds(table) is not { } ends) continue;
                var (a, b) = ids[ends.A] <= ids[ends.B] ? (ends.A, ends.B) : (ends.B, ends.A);
                bool self = a == b;
                bool isAmbiguous = ambiguous.Contains(Pair(a, b));
                var found = table.Name[1..];
                string name = isAmbiguous || self || found != modelName(a) + "To" + modelName(b) ? found : "";
                string suffix = isAmbiguous ? table.Name : "";
                _joins[table] = new RelationName(name, modelName(b) + suffix + (self ? "_A" : ""), modelName(a) + suffix + (self ? "_B" : ""));
                continue;
            }
            foreach (var fk in table.ForeignKeys)
            {
                if (referencedTable(fk) is not { } target) continue;
                bool self = table == target;
                string referencing = modelName(table), referenced = modelName(target);
                string other = self ? "other_" : "";
                if (!ambiguous.Contains(Pair(table, target)))
                {
                    _inline[fk] = new RelationName(self ? referencing + "To" + referenced : "", referenced, other + referencing);
                    continue;
                }
                var name = $"{referencing}_{string.Join("_", fk.Columns.Select(c => fieldName(table, c)))}To{referenced}";
                _inline[fk] = new RelationName(name, $"{referenced}_{name}", $"{other}{referencing}_{name}");
            }
        }
    }

    /// <summary>The names of the relation of a foreign key.</summary>
    public RelationName Of(ForeignKey foreignKey) => _inline[foreignKey];

    /// <summary>The names of the relation of a join table (model A's field first).</summary>
    public RelationName OfJoinTable(Table joinTable) => _joins[joinTable];

    /// <summary>True when the join table's two foreign keys point to tables that are pulled.</summary>
    public bool HasJoinTable(Table joinTable) => _joins.ContainsKey(joinTable);
}
