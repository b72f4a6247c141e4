using TwelveFactor.Sdk.Reading;
using TwelveFactor.Sdk.ShippedConfig;

namespace TwelveFactor.Sdk.Tests.ProjectRules;

/// <summary>TF0401, TF0701 (web.config), TF0702, TF1101 (config) and TF1201 over parsed config.</summary>
public class ShippedConfigRuleTests
{
    private static readonly ShippedConfigFile AppSettings = new("/svc/appsettings.json", ConfigFormat.Json);
    private static readonly ShippedConfigFile Development = new("/svc/appsettings.Development.json", ConfigFormat.Json);

    private static IReadOnlyList<ConfigEntry> Json(string text) => ConfigJson.Parse(text).Entries;

    [Theory]
    [InlineData("Host=orders.db.internal;Port=5432;Database=orders;Username=app;Password=${PW}", "orders.db.internal:5432")]
    [InlineData("Server=tcp:orders.database.windows.net,1433;Initial Catalog=orders", "orders.database.windows.net,1433")]
    [InlineData("Data Source=sql01\\\\ORDERS;Integrated Security=true", "sql01\\ORDERS")]
    [InlineData("redis.internal:6379,password=secret,ssl=true", "redis.internal:6379")]
    [InlineData("mongodb://app:pw@mongo-0.internal:27017/orders", "mongo-0.internal:27017")]
    [InlineData("Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=x", "orders.servicebus.windows.net")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=ordersstore;AccountKey=abc", "ordersstore.core.windows.net")]
    public void A_connection_string_naming_a_server_is_reported_with_host_and_port_only(string connectionString, string shown)
    {
        var entries = Json($$"""{ "ConnectionStrings": { "Orders": "{{connectionString}}" } }""");

        var finding = Assert.Single(BackingServiceRule.Check(AppSettings, entries));
        Assert.Equal(("TF0401", "ConnectionStrings:Orders"), (finding.RuleId, finding.FingerprintKey));
        Assert.Equal(new[] { "The setting 'ConnectionStrings:Orders'", shown }, finding.Arguments);
        Assert.DoesNotContain(finding.Arguments, a => a.Contains("secret") || a.Contains("pw@"));
    }

    [Theory]
    [InlineData("${DATABASE_URL}")]
    [InlineData("Host=#{DbHost}#;Database=orders")]
    [InlineData("Server=myServerAddress;Database=myDataBase;User Id=myUsername")]
    [InlineData("Host=<your-host>;Database=orders")]
    [InlineData("Host=db.example.com;Database=orders")]
    [InlineData("YourConnectionString")]
    [InlineData("<connection-string>")]
    [InlineData("CHANGE_ME")]
    [InlineData("TODO")]
    [InlineData("Data Source=orders.db")]
    [InlineData("Data Source=:memory:")]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("")]
    public void Placeholders_documentation_hosts_and_local_files_are_not_addresses(string connectionString)
    {
        var entries = Json($$"""{ "ConnectionStrings": { "Orders": "{{connectionString}}" } }""");

        Assert.Empty(BackingServiceRule.Check(AppSettings, entries));
    }

    [Fact]
    public void Service_urls_by_scheme_or_by_setting_name_are_reported_and_other_urls_are_not()
    {
        var entries = Json("""
            {
              "Cache": { "Url": "redis://cache.internal:6379" },
              "Payments": { "BaseUrl": "https://payments.internal.corp/api" },
              "Seq": { "ServerUrl": "http://seq:5341" },
              "Authentication": { "Authority": "https://login.microsoftonline.com/tenant" },
              "Links": { "PrivacyUrl": "https://contoso.com/privacy" },
              "Description": "see https://docs.contoso.com"
            }
            """);

        var findings = BackingServiceRule.Check(AppSettings, entries).ToList();
        Assert.Equal(new[] { "Cache:Url", "Payments:BaseUrl", "Seq:ServerUrl" }, findings.Select(f => f.FingerprintKey));
        Assert.Equal("payments.internal.corp", findings[1].Arguments[1]);
    }

    [Fact]
    public void Local_defaults_in_the_development_file_are_not_reported_but_remote_hosts_are()
    {
        var entries = Json("""
            {
              "ConnectionStrings": { "Local": "Host=localhost;Database=orders", "LocalDb": "Server=(localdb)\\mssqllocaldb;Database=x", "Shared": "Host=dev-db.internal" },
              "Kestrel": { "Endpoints": { "Http": { "Url": "http://localhost:5001" } } }
            }
            """);

        Assert.Equal("ConnectionStrings:Shared", Assert.Single(BackingServiceRule.Check(Development, entries)).FingerprintKey);
        Assert.Empty(ListenAddressRule.Check(Development, entries));
    }

    [Theory]
    [InlineData("Server=localhost;Database=orders")]
    [InlineData("amqp://localhost")]
    [InlineData("localhost")]
    [InlineData("Host=127.0.0.2;Port=5432;Database=orders")]
    [InlineData("Server=(localdb)\\\\mssqllocaldb;Database=orders")]
    [InlineData("redis://[::1]:6379")]
    public void Loopback_defaults_in_shipped_config_are_development_defaults_not_backing_services(string connectionString)
    {
        var entries = Json($$"""{ "ConnectionStrings": { "Orders": "{{connectionString}}" }, "Identity": { "Url": "http://localhost:5223" } }""");

        Assert.Empty(BackingServiceRule.Check(AppSettings, entries));
    }

    [Fact]
    public void Fixed_listen_addresses_are_reported_and_placeholders_are_not()
    {
        var entries = Json("""
            {
              "urls": "http://0.0.0.0:5000;http://localhost:5001",
              "Kestrel": { "Endpoints": { "Http": { "Url": "http://+:8080" }, "Env": { "Url": "http://+:${PORT}" } } },
              "Backend": { "Url": "http://backend.internal" }
            }
            """);

        var findings = ListenAddressRule.Check(AppSettings, entries).ToList();
        Assert.Equal(new[] { "urls", "Kestrel:Endpoints:Http:Url" }, findings.Select(f => f.FingerprintKey));
        Assert.Equal(("TF0702", 2, 11), (findings[0].RuleId, findings[0].Line, findings[0].Column));
        Assert.Equal("http://+:8080", findings[1].Arguments[1]);
        Assert.DoesNotContain(BackingServiceRule.Check(AppSettings, entries), f => f.FingerprintKey.StartsWith("Kestrel") || f.FingerprintKey == "urls");
    }

    [Fact]
    public void Serilog_and_NLog_file_sinks_in_json_are_reported_and_console_sinks_are_not()
    {
        var entries = Json("""
            {
              "Serilog": {
                "Using": [ "Serilog.Sinks.Console", "Serilog.Sinks.File" ],
                "WriteTo": [
                  { "Name": "Console" },
                  { "Name": "Async", "Args": { "configure": [ { "Name": "RollingFile", "Args": { "pathFormat": "x" } } ] } }
                ]
              },
              "NLog": { "targets": { "async": true, "logfile": { "type": "File", "fileName": "x.log" }, "console": { "type": "Console" } } }
            }
            """);

        var findings = FileLoggingConfigRule.Check(AppSettings, entries).ToList();
        Assert.Equal(new[] { "Serilog:WriteTo:1:Args:configure:0:Name", "NLog:targets:logfile:type" }, findings.Select(f => f.FingerprintKey));
        Assert.All(findings, f => Assert.Equal("TF1101", f.RuleId));
    }

    [Fact]
    public void Serilog_object_form_of_WriteTo_is_read_too()
    {
        var entries = Json("""{ "Serilog": { "WriteTo": { "Console": "Console", "ToFile": { "Name": "File" }, "Short": "File" } } }""");

        Assert.Equal(new[] { "Serilog:WriteTo:ToFile:Name", "Serilog:WriteTo:Short" }, FileLoggingConfigRule.Check(AppSettings, entries).Select(f => f.FingerprintKey));
    }

    [Fact]
    public void NLog_file_targets_and_log4net_file_appenders_in_xml_are_reported()
    {
        var nlog = ConfigXml.Parse("""
            <nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <targets>
                <target xsi:type="Console" name="console" />
                <target xsi:type="AsyncWrapper" name="async">
                  <target xsi:type="File" name="logfile" fileName="app.log" />
                </target>
              </targets>
            </nlog>
            """);
        var log4net = ConfigXml.Parse("""
            <log4net>
              <appender name="console" type="log4net.Appender.ConsoleAppender" />
              <appender name="rolling" type="log4net.Appender.RollingFileAppender, log4net" />
            </log4net>
            """);

        var nlogFinding = Assert.Single(FileLoggingConfigRule.Check(new ShippedConfigFile("/svc/nlog.config", ConfigFormat.Xml), nlog));
        Assert.Equal(("nlog|logfile", 5, 7), (nlogFinding.FingerprintKey, nlogFinding.Line, nlogFinding.Column));
        var log4netFinding = Assert.Single(FileLoggingConfigRule.Check(new ShippedConfigFile("/svc/log4net.config", ConfigFormat.Xml), log4net));
        Assert.Equal("log4net.Appender.RollingFileAppender", log4netFinding.Arguments[1]);
    }

    [Fact]
    public void A_web_config_loading_the_aspnetcore_module_is_reported_and_one_without_it_is_not()
    {
        var webConfig = new ShippedConfigFile("/svc/web.config", ConfigFormat.Xml);
        var iis = ConfigXml.Parse("""
            <configuration>
              <system.webServer>
                <handlers>
                  <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />
                </handlers>
                <aspNetCore processPath="dotnet" arguments=".\Svc.dll" hostingModel="inprocess" />
              </system.webServer>
            </configuration>
            """);
        var rewriteOnly = ConfigXml.Parse("<configuration><system.webServer><rewrite /></system.webServer></configuration>");

        var finding = Assert.Single(IisWebConfigRule.Check(webConfig, iis));
        Assert.Equal(("TF0701", 6, 5), (finding.RuleId, finding.Line, finding.Column));
        Assert.Equal(new[] { "web.config", "AspNetCoreModuleV2, inprocess" }, finding.Arguments);
        Assert.Empty(IisWebConfigRule.Check(webConfig, rewriteOnly));
    }

    [Theory]
    [InlineData("web", 2)]
    [InlineData("worker", 2)]
    [InlineData("admin", 0)]
    [InlineData("", 0)]
    public void Migrate_and_seed_on_start_switches_are_reported_in_web_and_worker_processes(string processType, int expected)
    {
        var entries = Json("""
            {
              "Database": { "MigrateOnStartup": true, "SeedOnStart": "true", "AutoMigrate": false },
              "Features": { "Search": true }
            }
            """);

        var findings = AdminTaskConfigRule.Check(AppSettings, entries, processType).ToList();
        Assert.Equal(expected, findings.Count);
        Assert.All(findings, f => Assert.Equal(processType, f.Arguments[1]));
    }

    [Fact]
    public void A_malformed_file_is_TF0004_and_its_values_are_still_checked()
    {
        var directory = Directory.CreateTempSubdirectory("tf-config").FullName;
        var path = Path.Combine(directory, "appsettings.json");
        File.WriteAllText(path, "{\n  \"ConnectionStrings\": { \"Db\": \"Host=db.internal\" }\n  \"urls\": \"http://0.0.0.0:80\"\n}\n");
        try
        {
            var findings = ShippedConfigCheck.Check(new[] { path, Path.Combine(directory, "missing.json"), Path.Combine(directory, "data.json") }, "web").ToList();

            Assert.Equal(new[] { "TF0004", "TF0401", "TF0702" }, findings.Select(f => f.RuleId).OrderBy(x => x));
            var malformed = findings.Single(f => f.RuleId == "TF0004");
            Assert.Equal(3, malformed.Line);
            Assert.StartsWith("appsettings.json is not valid JSON at line 3", malformed.Arguments[0]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("appsettings.json", true)]
    [InlineData("appsettings.Production.json", true)]
    [InlineData("serilog.json", true)]
    [InlineData("package.json", false)]
    [InlineData("Svc.deps.json", false)]
    [InlineData("nlog.config", true)]
    [InlineData("web.config", true)]
    [InlineData("log4net.xml", true)]
    [InlineData("data.xml", false)]
    public void Only_config_files_are_read(string name, bool isConfig) =>
        Assert.Equal(isConfig, ShippedConfigFile.Classify("/svc/" + name) is not null);
}
