using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace TwelveFactor.Sdk.ContainerTests;

/// <summary>
/// An image run without Docker: copied out of its tarball with skopeo, unpacked with umoci, run with runc in
/// the host's network namespace (so the test reaches the port), stopped with SIGTERM like a platform does.
/// </summary>
public sealed class RunningContainer : IDisposable
{
    private readonly string _directory;
    private readonly Process _runc;
    private readonly StringBuilder _output = new();

    private RunningContainer(string directory, string id, int port, Process runc)
    {
        _directory = directory;
        Id = id;
        Port = port;
        _runc = runc;
        runc.OutputDataReceived += (_, e) => Append(e.Data);
        runc.ErrorDataReceived += (_, e) => Append(e.Data);
        runc.BeginOutputReadLine();
        runc.BeginErrorReadLine();
    }

    public string Id { get; }

    public int Port { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static RunningContainer Start(string tarball, string tag)
    {
        var directory = Path.Combine(Path.GetTempPath(), "twelvefactor-run-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        Images.Run("copy", "-q", $"oci-archive:{tarball}:{tag}", $"oci:{directory}/oci:{tag}");
        Tool("umoci", "unpack", "--image", $"{directory}/oci:{tag}", $"{directory}/bundle");

        var port = FreePort();
        var configPath = Path.Combine(directory, "bundle", "config.json");
        var config = JsonNode.Parse(File.ReadAllText(configPath))!;
        config["process"]!["terminal"] = false;
        var env = config["process"]!["env"]!.AsArray();
        var kept = env.Select(e => e!.GetValue<string>()).Where(e => !e.StartsWith("ASPNETCORE_HTTP_PORTS=", StringComparison.Ordinal)).ToList();
        kept.Add("ASPNETCORE_HTTP_PORTS=" + port);
        config["process"]!["env"] = new JsonArray(kept.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray());
        var namespaces = config["linux"]!["namespaces"]!.AsArray();
        foreach (var network in namespaces.Where(n => n!["type"]!.GetValue<string>() == "network").ToList())
        {
            namespaces.Remove(network);
        }

        File.WriteAllText(configPath, config.ToJsonString());

        var id = "tf-" + Guid.NewGuid().ToString("N")[..10];
        var start = new ProcessStartInfo("runc")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "-b", Path.Combine(directory, "bundle"), id })
        {
            start.ArgumentList.Add(argument);
        }

        return new RunningContainer(directory, id, port, Process.Start(start)!);
    }

    /// <summary>GETs the path until the app answers; the status code and body.</summary>
    public (HttpStatusCode Status, string Body) WaitForHttp(string path, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline && !_runc.HasExited)
        {
            try
            {
                using var response = client.GetAsync($"http://127.0.0.1:{Port}{path}").GetAwaiter().GetResult();
                return (response.StatusCode, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex;
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException($"no answer on port {Port} (exited: {_runc.HasExited}; last error: {last?.Message})\n{Output}");
    }

    /// <summary>Sends SIGTERM and waits; the exit code and how long the app took to exit.</summary>
    public (int ExitCode, TimeSpan Elapsed) Terminate(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        Tool("runc", "kill", Id, "TERM");
        if (!_runc.WaitForExit((int)timeout.TotalMilliseconds))
        {
            throw new TimeoutException($"the container did not exit within {timeout.TotalSeconds} s of SIGTERM\n{Output}");
        }

        _runc.WaitForExit();
        return (_runc.ExitCode, watch.Elapsed);
    }

    public void Dispose()
    {
        if (!_runc.HasExited)
        {
            ProcessRunner.Run("runc", new[] { "kill", Id, "KILL" }, Path.GetTempPath());
            _runc.WaitForExit(10_000);
        }

        ProcessRunner.Run("runc", new[] { "delete", "--force", Id }, Path.GetTempPath());
        _runc.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the OS to clean up with the rest of the temp folder.
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void Tool(string name, params string[] arguments)
    {
        var result = ProcessRunner.Run(name, arguments, Path.GetTempPath(), timeout: TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, name + " " + string.Join(' ', arguments) + "\n" + result.Output);
    }
}
