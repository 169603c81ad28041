using Strata.Postgres;

namespace Strata.Cli.Tests;

/// <summary>The one redaction rule (Strata.ConnectionSecrets) that every output of the tool goes through, and the URL parsing that keeps a password out of host and database.</summary>
public class ConnectionSecretsTests
{
    [Theory]
    [InlineData("postgresql://user:p@ss:w/rd?x#y%40z@host:5432/db?schema=s", "postgresql://user:***@host:5432/db?schema=s")]
    [InlineData("postgresql://user@host/db", "postgresql://user@host/db")]
    [InlineData("postgresql://host:5432/db", "postgresql://host:5432/db")]
    [InlineData("from postgresql://a:one@h1/db to postgres://b:two@h2/db, see mail@example.com", "from postgresql://a:***@h1/db to postgres://b:***@example.com")]
    [InlineData("\"postgresql://u:s@cret@/db\" is not valid; write postgresql://user:password@host/db", "\"postgresql://u:***@/db\" is not valid; write postgresql://user:***@host/db")]
    [InlineData("postgresql://h/db?sslmode=require&password=a&b#c&application_name=x", "postgresql://h/db?sslmode=require&password=***&application_name=x")]
    [InlineData("url = \"file:./dev.db?password=abc\" oops", "url = \"file:./dev.db?password=***\" oops")]
    [InlineData("Host=h;Password='a;b''c';Port=5", "Host=h;Password=***;Port=5")]
    [InlineData("Host=h;Password=\"a;b\"\"c\";Port=5", "Host=h;Password=***;Port=5")]
    [InlineData("PWD=abc", "PWD=***")]
    [InlineData("psw=abc;Host=h", "psw=***;Host=h")]
    [InlineData("Host=h; SSL Password = abc ;Port=5", "Host=h; SSL Password = ***;Port=5")]
    [InlineData("Host=h;Password=ab;cd;Port=5", "Host=h;Password=***;Port=5")]
    [InlineData("Host=h;Password='ab;Port=5", "Host=h;Password=***")]
    [InlineData("Cannot connect to Host=h;Password=***: Connection refused", "Cannot connect to Host=h;Password=***: Connection refused")]
    [InlineData("Passfile=/home/u/.pgpass;Username=bob", "Passfile=/home/u/.pgpass;Username=bob")]
    [InlineData("file:./dev.db", "file:./dev.db")]
    [InlineData("line one Password=a\nline two postgresql://u:b@h", "line one Password=***\nline two postgresql://u:***@h")]
    public void Passwords_are_hidden_and_the_rest_is_kept(string text, string expected)
    {
        Assert.Equal(expected, ConnectionSecrets.Redact(text));
        Assert.Equal(expected, ConnectionSecrets.Redact(expected)); // redacting twice changes nothing more
    }

    [Fact]
    public void The_spans_of_the_secrets_are_given_in_order()
    {
        var text = "Password=a;Host=h;Pwd='b;c'";
        var spans = ConnectionSecrets.Find(text);
        Assert.Equal(["a", "'b;c'"], spans.Select(s => text.Substring(s.Start, s.Length)));
    }

    [Fact]
    public void A_url_password_with_reserved_characters_stays_out_of_host_and_database()
    {
        var connectionString = PostgresUrl.ToConnectionString("postgresql://user:p@ss:w/rd?#%40x@127.0.0.1:6000/app?schema=s");
        Assert.Equal("Host=127.0.0.1;Port=6000;Username=user;Password=p@ss:w/rd?#@x;Database=app;Search Path=s", connectionString);
    }
}
