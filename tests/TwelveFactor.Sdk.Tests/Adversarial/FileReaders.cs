using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Config;
using TwelveFactor.Sdk.Containers;
using TwelveFactor.Sdk.Dependencies;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;
using TwelveFactor.Sdk.ShippedConfig;

namespace TwelveFactor.Sdk.Tests.Adversarial;

/// <summary>
/// Every check that reads a file the user controls, as the build calls it, under each file name it reads. A new
/// reader belongs here; <see cref="HostileFileTests.Every_file_read_goes_through_InputFile"/> notices one that
/// reads files some other way.
/// </summary>
public static class FileReaders
{
    public static IEnumerable<(string Name, string FileName, Func<string, IReadOnlyList<Finding>> Check)> All()
    {
        yield return ("secrets in appsettings.json", "appsettings.json", path => SecretRule.Check(new[] { path }));
        yield return ("secrets in app.config", "app.config", path => SecretRule.Check(new[] { path }));
        yield return ("secrets in .env", ".env", path => SecretRule.Check(new[] { path }));
        yield return ("secrets in values.yaml", "values.yaml", path => SecretRule.Check(new[] { path }));
        yield return ("secrets in a request file", "Api.http", path => SecretRule.Check(new[] { path }));
        yield return ("secrets in an HTTP client environment file", "http-client.env.json", path => SecretRule.Check(new[] { path }));
        yield return ("shipped appsettings.json", "appsettings.json", path => ShippedConfigCheck.Check(new[] { path }, "web").ToList());
        yield return ("shipped web.config", "web.config", path => ShippedConfigCheck.Check(new[] { path }, "web").ToList());
        yield return ("shipped nlog.config", "nlog.config", path => ShippedConfigCheck.Check(new[] { path }, "worker").ToList());
        yield return ("Dockerfile", "Dockerfile", DockerfileRule.CheckFile);
        yield return ("baseline", "TwelveFactor.baseline.json", path =>
        {
            var findings = new List<Finding>();
            BaselineReader.LoadOrReport(path, findings);
            return findings;
        });
        yield return ("lock file", "packages.lock.json", path =>
            LockFileRule.LockFileProblem(path, out var line, out var column) is { } problem
                ? new[] { new Finding(RuleIds.LockFile, path, line, column, new[] { problem }, "") }
                : Array.Empty<Finding>());
        yield return ("key file", "server.pem", path => ConfigFiles.IsKeyFile(path, ConfigFiles.ReadTextOrNull)
            ? new[] { Finding.At(RuleIds.KeyFileInOutput, SourceLocation.WholeFile(path), "") }
            : Array.Empty<Finding>());
    }
}
