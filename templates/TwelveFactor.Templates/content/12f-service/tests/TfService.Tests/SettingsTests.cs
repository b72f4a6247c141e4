using TfService.Core.Configuration;
#if (postgres)
using Npgsql;
using TfService.Core.Database;
#endif
#if (web)
using TfService.Web;
#endif

namespace TfService.Tests;

/// <summary>Config from the environment (factor III): a missing or invalid variable is named, its value never.</summary>
public class SettingsTests
{
    private static SettingsReader From(params (string Name, string Value)[] variables) =>
        new(name => variables.FirstOrDefault(v => v.Name == name).Value);

#if (postgres)
    [Fact]
    public void A_missing_DATABASE_URL_is_named()
    {
        var settings = From();

        DatabaseSettings.Read(settings);

        var problem = Assert.Single(settings.Problems);
        Assert.Equal(DatabaseSettings.UrlVariable, problem.Variable);
        Assert.StartsWith("DATABASE_URL is not set", problem.ToString());
    }

    [Fact]
    public void A_DATABASE_URL_that_is_no_postgres_URL_is_named_without_its_value()
    {
        var settings = From(("DATABASE_URL", "mysql://app:s3cret@db/app"));

        DatabaseSettings.Read(settings);

        var problem = Assert.Single(settings.Problems);
        Assert.Equal(DatabaseSettings.UrlVariable, problem.Variable);
        Assert.DoesNotContain("s3cret", problem.ToString());
    }


    [Theory]
    [InlineData("postgres://app:s3cret@db/orders", "postgres://app:***@db/orders")]
    [InlineData("postgres://app:p%41ss@db/orders", "postgres://app:***@db/orders")]
    [InlineData("postgres://app:pa%7Ess word@db/orders?sslmode=require", "postgres://app:***@db/orders?sslmode=require")]
    [InlineData("postgres://app:pw@db/orders?application_name=ops@example", "postgres://app:***@db/orders?application_name=ops@example")]
    [InlineData("postgres://app:p@ss@db/orders", "(set, but not a URL: not shown)")]
    [InlineData("postgres://app@db/orders", "postgres://app@db/orders")]
    [InlineData("postgres://db/orders", "postgres://db/orders")]
    [InlineData("Host=db;Password=s3cret", "(set, but not a URL: not shown)")]
    public void A_DATABASE_URL_is_shown_with_its_password_left_out(string url, string shown)
    {
        Assert.Equal(shown, DatabaseUrl.Redact(url));
    }

    [Theory]
    [InlineData("postgres://app:s3cret@db.internal:6432/orders", "db.internal", 6432, "orders", "app", "s3cret")]
    [InlineData("postgresql://app%40corp:p%3Bss%3Dw%22r%27d%20@db/orders%20db", "db", 5432, "orders db", "app@corp", "p;ss=w\"r'd ")]
    [InlineData("postgres://db/orders", "db", 5432, "orders", null, null)]
    public void A_DATABASE_URL_becomes_a_connection_string_that_Npgsql_reads_back_exactly(
        string url, string host, int port, string database, string? user, string? password)
    {
        var read = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString(url));

        Assert.Equal((host, port, database, user, password), (read.Host, read.Port, read.Database, read.Username, read.Password));
    }

    [Fact]
    public void Connection_options_in_a_DATABASE_URL_are_kept_and_an_unknown_one_is_named()
    {
        var withOptions = DatabaseSettings.Read(From(("DATABASE_URL", "postgres://app:pw@db/orders?sslmode=require&pooling=false")));
        var read = new NpgsqlConnectionStringBuilder(withOptions.ConnectionString);
        Assert.Equal((SslMode.Require, false, "pw"), (read.SslMode, read.Pooling, read.Password));

        var settings = From(("DATABASE_URL", "postgres://app:pw@db/orders?colour=blue"));
        DatabaseSettings.Read(settings);

        var problem = Assert.Single(settings.Problems);
        Assert.Contains("unknown connection option 'colour'", problem.ToString());
        Assert.DoesNotContain("pw", problem.ToString());
    }

#endif
    [Fact]
    public void An_invalid_shutdown_timeout_is_named_and_every_problem_is_collected()
    {
        var settings = From((ShutdownSettings.TimeoutVariable, "soon"));

        ShutdownSettings.Read(settings);
#if (postgres)
        DatabaseSettings.Read(settings);
#endif

        Assert.Contains(settings.Problems, p => p.Variable == ShutdownSettings.TimeoutVariable && p.Reason.StartsWith("is invalid", StringComparison.Ordinal));
#if (postgres)
        Assert.Contains(settings.Problems, p => p.Variable == DatabaseSettings.UrlVariable);
#endif
    }

    [Fact]
    public void Unset_optional_variables_take_their_defaults()
    {
        var settings = From();

        var shutdown = ShutdownSettings.Read(settings);

        Assert.Equal(TimeSpan.FromSeconds(25), shutdown.Timeout);
#if (web)
        Assert.Equal(8080, WebSettings.Read(settings).Port);
#endif
#if (!postgres)
        Assert.False(settings.HasProblems);
#endif
    }
#if (web)

    [Fact]
    public void A_PORT_that_is_no_port_number_is_named()
    {
        var settings = From((WebSettings.PortVariable, "http"));

        WebSettings.Read(settings);

        Assert.Equal(WebSettings.PortVariable, Assert.Single(settings.Problems).Variable);
    }
#endif
}
