#!/usr/bin/env bash
# The main job, end to end on a fresh machine: pack the SDK into a local feed, create a web service that
# uses it, build it under the strictest policy (CI mode: locked restore), and publish it.
#   eng/quickstart.sh [output-folder]     (default: artifacts/quickstart)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/artifacts/quickstart}"
version="$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' "$root/Directory.Build.props")"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== 1/4 packing TwelveFactor.Sdk $version into $root/artifacts/packages"
bash "$root/eng/pack.sh" >/dev/null

echo "== 2/4 creating a web service in $out/Orders"
rm -rf "$out" && mkdir -p "$out/Orders"
cd "$out"
git init -q . 2>/dev/null || true
cat > nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$root/artifacts/packages" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="TwelveFactor.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
  <config><add key="globalPackagesFolder" value="$out/.packages" /></config>
</configuration>
XML
cat > Orders/Orders.csproj <<XML
<Project Sdk="TwelveFactor.Sdk/$version">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TwelveFactorProcessType>web</TwelveFactorProcessType>
    <TwelveFactorPolicy>strict</TwelveFactorPolicy>
  </PropertyGroup>
</Project>
XML
cat > Orders/Program.cs <<'CS'
// Binds the port the platform gives it (ASPNETCORE_HTTP_PORTS, 8080 in the .NET images) and logs to stdout.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders().AddJsonConsole();
var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok("alive"));
app.Run();
CS

echo "== 3/4 building under TwelveFactorPolicy=strict (first restore writes packages.lock.json), then in CI mode"
dotnet build Orders -nologo -tl:off -v:m
CI=true dotnet build Orders -nologo -tl:off -v:m

echo "== 4/4 publishing to $out/publish"
CI=true dotnet publish Orders -nologo -tl:off -v:m -o "$out/publish"
echo
echo "Service: $out/Orders (SARIF: $(ls "$out"/Orders/obj/*/*/twelvefactor/TwelveFactor.sarif | head -1))"
echo "Published: $out/publish"
