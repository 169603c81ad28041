using Strata.Migrate.History;

namespace Strata.Migrate.Tests;

/// <summary>Migration folders run in the order Prisma sorts them (JavaScript's localeCompare), not in ordinal order.</summary>
public class MigrationOrderTests
{
    [Fact]
    public void Folders_are_ordered_as_prisma_orders_them()
    {
        var root = Directory.CreateTempSubdirectory("strata-order-").FullName;
        try
        {
            // Written in ordinal order; the expected order is what node's localeCompare gives for these names.
            string[] names = ["01_z", "1-c", "1_B", "1_a", "1_b", "1_c", "202401010_x", "20240101_init", "Z", "a"];
            foreach (var name in names)
            {
                Directory.CreateDirectory(Path.Combine(root, name));
                File.WriteAllText(Path.Combine(root, name, "migration.sql"), $"-- {name}\n");
            }
            Assert.Equal(["01_z", "1_a", "1_b", "1_B", "1_c", "1-c", "20240101_init", "202401010_x", "a", "Z"],
                new MigrationDirectory(root).List().Select(m => m.Name));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
