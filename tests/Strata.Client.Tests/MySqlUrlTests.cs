using MySqlConnector;
using Strata.MySql;

namespace Strata.Client.Tests;

/// <summary>Prisma's mysql:// URLs become MySqlConnector connection strings; anything else is a clear FormatException.</summary>
public class MySqlUrlTests
{
    [Fact]
    public void A_prisma_url_maps_every_part_and_option()
    {
        var b = new MySqlConnectionStringBuilder(MySqlUrl.ToConnectionString(
            "mysql://jane:p%40ss%3Bword@db.local:3307/shop?connection_limit=7&connect_timeout=9&sslaccept=strict&socket_timeout=30"));
        Assert.Equal(("db.local", 3307u, "jane", "p@ss;word", "shop"), (b.Server, b.Port, b.UserID, b.Password, b.Database));
        Assert.Equal((7u, 9u, MySqlSslMode.VerifyCA, 30u), (b.MaximumPoolSize, b.ConnectionTimeout, b.SslMode, b.DefaultCommandTimeout));
    }

    [Fact]
    public void Defaults_raw_passwords_sockets_and_connection_strings()
    {
        var plain = new MySqlConnectionStringBuilder(MySqlUrl.ToConnectionString("mysql://root@localhost/app"));
        Assert.Equal((3306u, "root", "app"), (plain.Port, plain.UserID, plain.Database));
        // An unescaped '@' or ':' in the password stays in the password (the user info runs to the last '@').
        var raw = new MySqlConnectionStringBuilder(MySqlUrl.ToConnectionString("mysql://u:a@b:c@host:3306/db"));
        Assert.Equal(("a@b:c", "host"), (raw.Password, raw.Server));
        var socket = new MySqlConnectionStringBuilder(MySqlUrl.ToConnectionString("mysql://u@localhost/db?socket=/run/mysqld/mysqld.sock"));
        Assert.Equal(("/run/mysqld/mysqld.sock", MySqlConnectionProtocol.UnixSocket), (socket.Server, socket.ConnectionProtocol));
        Assert.Equal("Server=x;User ID=y", MySqlUrl.ToConnectionString("Server=x;User ID=y"));
    }

    [Fact]
    public void Other_text_is_a_format_error_that_hides_the_password()
    {
        var error = Assert.Throws<FormatException>(() => MySqlUrl.ToConnectionString("postgresql://u:secret@x/db"));
        Assert.DoesNotContain("secret", error.Message);
        Assert.Throws<FormatException>(() => MySqlUrl.ToConnectionString("mysql://u:secret@/db"));
    }
}
