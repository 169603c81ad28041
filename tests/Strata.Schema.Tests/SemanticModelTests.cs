using Strata.Schema.Semantics;

using Strata.TestSupport;

namespace Strata.Schema.Tests;

public class SemanticModelTests
{
    private static SchemaDefinition Load(string name)
    {
        var compilation = SchemaCompilation.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "valid", name)), name);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        return compilation.Schema;
    }

    [Fact]
    public void User_and_todo_form_a_one_to_many_relation_with_the_key_on_todo()
    {
        var schema = Load("user-todo.prisma");
        Assert.Equal(ProviderKind.Sqlite, schema.Provider);
        Assert.Equal("DATABASE_URL", schema.Datasource!.Url!.Text);
        Assert.Equal(ConfigValueKind.Env, schema.Datasource.Url.Kind);
        Assert.Equal("file:./x.db", schema.Datasource.Url.Resolve(n => n == "DATABASE_URL" ? "file:./x.db" : null));
        Assert.True(schema.Generators.Single().IsStrata);

        var user = schema.FindModel("User")!;
        Assert.Equal("A person who keeps a todo list.", user.Documentation);
        Assert.Equal(["id", "username", "password", "age", "city"], user.ScalarFields.Select(f => f.Name));
        Assert.True(user.FindField("city")!.IsOptional);
        Assert.Equal(FieldArity.List, user.FindField("todos")!.Arity);
        Assert.True(user.FindField("id")!.Default!.IsAutoincrement);
        Assert.Equal("User_pkey", user.PrimaryKey!.DatabaseName);
        Assert.Equal("User_username_key", user.Uniques.Single().DatabaseName);

        var relation = Assert.Single(schema.Relations);
        Assert.Equal("TodoToUser", relation.Name);
        Assert.False(relation.HasExplicitName);
        Assert.Equal(RelationKind.OneToMany, relation.Kind);
        Assert.Equal("Todo", relation.ReferencingModel.Name);
        Assert.Equal("User", relation.ReferencedModel.Name);
        Assert.Equal(["userId"], relation.ForeignKeyFields.Select(f => f.Name));
        Assert.Equal(["id"], relation.ReferencedFields.Select(f => f.Name));
        Assert.Equal(ReferentialAction.Restrict, relation.OnDelete);
        Assert.Equal(ReferentialAction.Cascade, relation.OnUpdate);
        Assert.Equal("Todo_userId_fkey", relation.ForeignKeyName);
        Assert.Same(relation, user.FindField("todos")!.Relation);
        Assert.Same(user.FindField("todos"), relation.Opposite(schema.FindModel("Todo")!.FindField("user")!));

        var done = schema.FindModel("Todo")!.FindField("done")!;
        Assert.Equal(DefaultKind.Literal, done.Default!.Kind);
        Assert.Equal(false, done.Default.Value);
    }

    [Fact]
    public void One_to_one_and_implicit_many_to_many_are_resolved()
    {
        var schema = Load("relations.prisma");
        var oneToOne = schema.Relations.Single(r => r.Kind == RelationKind.OneToOne);
        Assert.Equal("Profile", oneToOne.ReferencingModel.Name);
        Assert.Equal("ProfileToUser", oneToOne.Name);

        var manyToMany = schema.Relations.Single(r => r.Kind == RelationKind.ManyToMany);
        Assert.Equal("CategoryToPost", manyToMany.Name);
        Assert.Equal("_CategoryToPost", manyToMany.JoinTableName);
        Assert.Equal("Category", manyToMany.FieldA.Container.Name);
        Assert.Empty(manyToMany.ForeignKeyFields);

        var role = schema.FindEnum("Role")!;
        Assert.Equal(["USER", "ADMIN"], role.Values.Select(v => v.Name));
        var userRole = schema.FindModel("User")!.FindField("role")!;
        Assert.Equal(FieldKind.Enum, userRole.Kind);
        Assert.Same(role, userRole.EnumType);
        Assert.Equal(DefaultKind.EnumValue, userRole.Default!.Kind);
        Assert.Equal("USER", userRole.Default.Value);
        Assert.True(schema.FindModel("Post")!.FindField("updatedAt")!.IsUpdatedAt);
    }

    [Fact]
    public void Self_relations_pair_by_name()
    {
        var schema = Load("self-relations.prisma");
        Assert.Equal(3, schema.Relations.Count);
        var history = schema.Relations.Single(r => r.Name == "BlogOwnerHistory");
        Assert.Equal(RelationKind.OneToOne, history.Kind);
        Assert.Equal("successor", history.FieldA.Name);
        Assert.Equal(ReferentialAction.SetNull, history.OnDelete);
        var teachers = schema.Relations.Single(r => r.Name == "TeacherStudents");
        Assert.Equal(RelationKind.OneToMany, teachers.Kind);
        Assert.Equal("teacher", teachers.FieldA.Name);
        var follows = schema.Relations.Single(r => r.Name == "UserFollows");
        Assert.Equal(RelationKind.ManyToMany, follows.Kind);
        Assert.Equal("followedBy", follows.FieldA.Name);
    }

    [Fact]
    public void Compound_keys_carry_client_and_database_names()
    {
        var schema = Load("compound-keys.prisma");
        var user = schema.FindModel("User")!;
        Assert.Equal(["firstName", "lastName"], user.PrimaryKey!.FieldNames);
        Assert.Equal("fullName", user.PrimaryKey.ClientName);
        Assert.False(user.PrimaryKey.IsFieldLevel);

        var post = schema.FindModel("Post")!;
        var unique = post.Uniques.Single();
        Assert.Equal("authorTitle", unique.ClientName);
        Assert.Equal("post_author_title", unique.DatabaseName);
        var index = post.Indexes.Single();
        Assert.Equal("post_title_idx", index.DatabaseName);
        Assert.Equal("BTree", index.IndexType);
        Assert.Equal(SortOrder.Desc, index.Fields[0].Sort);
        Assert.Null(index.Fields[1].Sort);

        var relation = schema.Relations.Single();
        Assert.Equal(["authorFirstName", "authorLastName"], relation.ForeignKeyFields.Select(f => f.Name));
        Assert.Equal("Post_authorFirstName_authorLastName_fkey", relation.ForeignKeyName);
        Assert.Equal(ReferentialAction.Cascade, relation.OnDelete);
        Assert.Equal(ReferentialAction.Cascade, relation.ExplicitOnUpdate);
    }

    [Fact]
    public void Mapped_names_reach_the_database_names()
    {
        var schema = Load("mapped-names.prisma");
        var product = schema.FindModel("Product")!;
        Assert.Equal("products", product.DatabaseName);
        Assert.Equal("product_id", product.FindField("id")!.DatabaseName);
        Assert.Equal("product_name_color", product.Uniques.Single().DatabaseName);
        Assert.Equal("name_color", product.Uniques.Single().ClientName);
        Assert.Equal("products_created_at_idx", product.Indexes.Single().DatabaseName);
        Assert.True(product.FindField("legacy")!.IsIgnored);
        Assert.Equal("red", schema.FindEnum("Color")!.FindValue("Red")!.DatabaseName);
        var item = schema.FindModel("Item")!;
        Assert.Equal("item_pk", item.PrimaryKey!.DatabaseName);
        Assert.True(item.PrimaryKey.IsFieldLevel);
        var relation = schema.Relations.Single();
        Assert.Equal("item_product", relation.ForeignKeyName);
        Assert.Equal(ReferentialAction.Restrict, relation.OnDelete);
        var audit = schema.FindModel("AuditLog")!;
        Assert.True(audit.IsIgnored);
        Assert.False(audit.HasUniqueCriterion);
    }

    [Fact]
    public void Native_types_defaults_and_lists_are_kept()
    {
        var sample = Load("native-types.prisma").FindModel("Sample")!;
        Assert.Equal("VarChar", sample.FindField("title")!.NativeType!.Name);
        Assert.Equal(["200"], sample.FindField("title")!.NativeType!.Arguments);
        Assert.Equal(["10", "2"], sample.FindField("price")!.NativeType!.Arguments);
        Assert.Equal(9.99m, sample.FindField("price")!.Default!.Value);
        Assert.Equal(9007199254740993L, sample.FindField("big")!.Default!.Value);
        Assert.Equal("uuid", sample.FindField("v7")!.Default!.FunctionName);
        Assert.Equal([7L], sample.FindField("v7")!.Default!.FunctionArguments);
        Assert.Equal(["gen_random_uuid()"], sample.FindField("id")!.Default!.FunctionArguments);
        var tags = sample.FindField("tags")!;
        Assert.True(tags.IsList);
        Assert.Equal(["a", "b"], tags.Default!.Items.Select(i => i.Value));
        Assert.Equal(["DRAFT"], sample.FindField("statuses")!.Default!.Items.Select(i => i.Value));
        Assert.Equal("point", sample.FindField("location")!.UnsupportedType);
        Assert.Equal(FieldKind.Unsupported, sample.FindField("location")!.Kind);
        Assert.Equal("raw(\"text_pattern_ops\")", sample.Indexes[0].Fields[0].OperatorClass);
        Assert.Null(sample.Indexes[0].IndexType);
        Assert.Equal("Gin", sample.Indexes[1].IndexType);
        Assert.Equal("JsonbPathOps", sample.Indexes[1].Fields[0].OperatorClass);
        Assert.Equal("status", Load("native-types.prisma").FindEnum("Status")!.DatabaseName);
    }

    [Fact]
    public void Views_composite_types_and_schemas()
    {
        var schema = Load("views-and-types.prisma");
        var address = schema.FindCompositeType("Address")!;
        Assert.Equal("A postal address.", address.Documentation);
        Assert.Equal("postal_code", address.Fields.Single(f => f.Name == "zip").DatabaseName);
        var customer = schema.FindModel("Customer")!;
        Assert.Equal(FieldKind.Composite, customer.FindField("address")!.Kind);
        Assert.Same(address, customer.FindField("previous")!.CompositeType);
        Assert.True(customer.FindField("previous")!.IsList);
        Assert.Equal(["CustomerName", "CustomerCount"], schema.Views.Select(v => v.Name));
        Assert.True(schema.FindModel("CustomerName")!.HasUniqueCriterion);
        Assert.False(schema.FindModel("CustomerCount")!.HasUniqueCriterion);

        var multi = Load("multi-schema.prisma");
        Assert.Equal(["base", "transactional"], multi.Datasource!.Schemas);
        Assert.Equal("base", multi.FindModel("User")!.DatabaseSchema);
        Assert.Equal("transactional", multi.FindEnum("Size")!.DatabaseSchema);
    }

    [Fact]
    public void Default_constraint_names_are_cut_to_63_characters()
    {
        var table = new string('t', 40);
        var name = ConstraintNames.Unique(table, [new string('c', 40)]);
        Assert.Equal(63, name.Length);
        Assert.EndsWith("_key", name);
        Assert.Equal("User_email_key", ConstraintNames.Unique("User", ["email"]));
        Assert.Equal("Post_authorId_idx", ConstraintNames.Index("Post", ["authorId"]));
        Assert.Equal("Post_authorId_fkey", ConstraintNames.ForeignKey("Post", ["authorId"]));
        Assert.Equal("User_pkey", ConstraintNames.PrimaryKey("User"));
    }

    [SharedDataFact]
    public void Real_projects_resolve_all_their_relations()
    {
        foreach (var path in Directory.GetFiles(TestPaths.PrismaProjects, "schema.prisma", SearchOption.AllDirectories))
        {
            var schema = SchemaCompilation.FromText(File.ReadAllText(path), path).Schema;
            foreach (var field in schema.Models.SelectMany(m => m.RelationFields))
                Assert.True(field.Relation != null, $"{path}: {field} has no relation");
            Assert.All(schema.Relations.Where(r => r.Kind != RelationKind.ManyToMany), r => Assert.NotEmpty(r.ForeignKeyFields));
        }
    }
}
