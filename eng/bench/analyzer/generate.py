"""Writes the benchmark solution: 50 projects using TwelveFactor.Sdk from a local feed.

usage: generate.py OUT_DIR FEED VERSION
10 web, 10 worker, 5 admin and 25 libraries (each service references two libraries); every project has six
source files of about 60 lines with the calls the analyzer looks at, written the twelve-factor way (addresses
and secrets from configuration, console logging), so the build succeeds under every policy.
"""
import os, subprocess, sys

out, feed, version = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)

def write(path, text):
    path = os.path.join(out, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w").write(text)

write("nuget.config", f"""<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="bench" value="{feed}" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="bench"><package pattern="TwelveFactor.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
""")
# The solution may sit inside another repository (artifacts/): these stop MSBuild from importing its files.
for stopper in ("Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"):
    write(stopper, "<Project />\n")
write("global.json", '{ "sdk": { "version": "10.0.401", "rollForward": "latestFeature" }, "msbuild-sdks": { "TwelveFactor.Sdk": "%s" } }\n' % version)

def library_file(ns, index):
    return f"""namespace {ns};

public sealed record Order{index}(int Id, string Customer, decimal Amount, DateTimeOffset Placed);

public static class Orders{index}
{{
    public static IReadOnlyList<Order{index}> Filter(IEnumerable<Order{index}> orders, decimal minimum) =>
        orders.Where(o => o.Amount >= minimum).OrderBy(o => o.Placed).ToList();

    public static decimal Total(IEnumerable<Order{index}> orders) => orders.Sum(o => o.Amount);

    public static Dictionary<string, decimal> ByCustomer(IEnumerable<Order{index}> orders)
    {{
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var order in orders)
        {{
            totals.TryGetValue(order.Customer, out var sum);
            totals[order.Customer] = sum + order.Amount;
        }}

        return totals;
    }}

    public static string Describe(Order{index} order)
    {{
        var text = new System.Text.StringBuilder();
        text.Append("order ").Append(order.Id).Append(" for ").Append(order.Customer);
        if (order.Amount > 1000m)
        {{
            text.Append(" (large)");
        }}

        return text.ToString();
    }}

    public static async Task<int> CountAsync(IAsyncEnumerable<Order{index}> orders, CancellationToken cancellationToken)
    {{
        var count = 0;
        await foreach (var _ in orders.WithCancellation(cancellationToken))
        {{
            count++;
        }}

        return count;
    }}

    public static string ConnectionFor(Func<string, string?> environment) =>
        environment("DATABASE_URL") ?? throw new InvalidOperationException("DATABASE_URL is not set");

    public static Uri EndpointFor(Func<string, string?> environment) =>
        new Uri(environment("ORDERS_API_URL") ?? "http://localhost");

    public static IEnumerable<string> Lines(IEnumerable<Order{index}> orders)
    {{
        foreach (var order in orders)
        {{
            yield return $"{{order.Id}};{{order.Customer}};{{order.Amount}}";
        }}
    }}
}}
"""

def service_program(kind):
    if kind == "web":
        return """var builder = WebApplication.CreateBuilder(args);
var port = Environment.GetEnvironmentVariable("PORT") ?? "8080";
builder.WebHost.UseUrls("http://0.0.0.0:" + port);
builder.Logging.ClearProviders().AddConsole();
var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok("alive"));
app.MapGet("/orders/{id:int}", (int id) => Results.Ok(new { id }));
app.Run();
"""
    if kind == "worker":
        return """var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddHostedService<Work>();
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
builder.Build().Run();

sealed class Work(ILogger<Work> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("tick");
            await Task.Delay(1000, stoppingToken);
        }
    }
}
"""
    return """if (args.Length == 0)
{
    Console.WriteLine("usage: admin <command>");
    return 2;
}

Console.WriteLine($"running {args[0]} against {(Environment.GetEnvironmentVariable("DATABASE_URL") is null ? "no database" : "the database")}");
return 0;
"""

projects = []
for i in range(25):
    name = f"Lib{i:02}"
    write(f"{name}/{name}.csproj", '<Project Sdk="TwelveFactor.Sdk">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <ImplicitUsings>enable</ImplicitUsings>\n    <Nullable>enable</Nullable>\n  </PropertyGroup>\n</Project>\n')
    for f in range(6):
        write(f"{name}/Orders{f}.cs", library_file(name, f))
    projects.append(f"{name}/{name}.csproj")

kinds = ["web"] * 10 + ["worker"] * 10 + ["admin"] * 5
for i, kind in enumerate(kinds):
    name = f"{kind.capitalize()}{i:02}"
    refs = "".join(f'    <ProjectReference Include="../Lib{(i + k) % 25:02}/Lib{(i + k) % 25:02}.csproj" />\n' for k in (0, 7))
    hosting = '    <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.0" />\n' if kind == "worker" else ""
    write(f"{name}/{name}.csproj", f"""<Project Sdk="TwelveFactor.Sdk">
  <PropertyGroup>
    <TwelveFactorProcessType>{kind}</TwelveFactorProcessType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
{refs}{hosting}  </ItemGroup>
</Project>
""")
    write(f"{name}/Program.cs", service_program(kind))
    for f in range(5):
        write(f"{name}/Orders{f}.cs", library_file(name, f))
    projects.append(f"{name}/{name}.csproj")

subprocess.run(["dotnet", "new", "sln", "-n", "Bench", "--format", "sln", "-o", out], check=True, capture_output=True)
subprocess.run(["dotnet", "sln", os.path.join(out, "Bench.sln"), "add"] + [os.path.join(out, p) for p in projects], check=True, capture_output=True)
print(f"{len(projects)} projects in {out}")
