using TfService.Core.Configuration;
#if (postgres)
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
