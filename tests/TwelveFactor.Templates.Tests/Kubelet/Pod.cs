using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace TwelveFactor.Templates.Tests.Kubelet;

/// <summary>
/// One pod's container run the way a kubelet runs it, with runc and no cluster: the image by digest, the command
/// (entry point, or the pod's command, with the pod's args), the pod's user and group, the environment from env and
/// envFrom (ConfigMaps and Secrets given as objects), a read-only root file system when the spec says so, emptyDir
/// volumes as fresh folders, no new privileges, the capabilities left after the drop, the pod's hostname. Stopped as
/// a kubelet stops it: the preStop sleep, then SIGTERM, then SIGKILL once the grace period is over.
/// One departure: the pod shares the host's network namespace (the tests reach it and PostgreSQL on 127.0.0.1), so
/// the container port is mapped to a free host port, in PORT and in the probes alike, as a pod IP would keep it apart.
/// </summary>
public sealed class Pod : IDisposable
{
    private readonly string _id;
    private readonly Process _runc;
    private readonly StringBuilder _output = new();
    private readonly JsonObject _container;
    private readonly int _gracePeriod;

    private Pod(string name, string id, Process runc, JsonObject container, int gracePeriod, int? hostPort)
    {
        Name = name;
        _id = id;
        _runc = runc;
        _container = container;
        _gracePeriod = gracePeriod;
        HostPort = hostPort;
        runc.OutputDataReceived += (_, e) => Append(e.Data);
        runc.ErrorDataReceived += (_, e) => Append(e.Data);
        runc.BeginOutputReadLine();
        runc.BeginErrorReadLine();
    }

    public string Name { get; }

    /// <summary>The host port the container's port is mapped to; null for a pod without ports.</summary>
    public int? HostPort { get; }

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

    public bool HasExited => _runc.HasExited;

    /// <summary>
    /// Starts the pod template's first container. <paramref name="configSources"/> are the ConfigMaps and Secrets the
    /// cluster would hold, as objects.
    /// </summary>
    public static Pod Start(string name, JsonObject podTemplate, PodImage image, IReadOnlyList<JsonObject> configSources, string folder)
    {
        var spec = podTemplate["spec"]!.AsObject();
        var container = spec["containers"]![0]!.AsObject();
        Assert.Equal(image.Reference, (string?)container["image"]);
        Directory.CreateDirectory(folder);
        var config = image.RuntimeConfig();
        var process = config["process"]!.AsObject();
        process["terminal"] = false;

        var command = container["command"] is JsonArray c ? Strings(c) : image.Entrypoint;
        var args = container["args"] is JsonArray a ? Strings(a) : container["command"] is null ? image.Command : Array.Empty<string>();
        process["args"] = ToArray(command.Concat(args));

        var podSecurity = spec["securityContext"]?.AsObject() ?? new JsonObject();
        var containerSecurity = container["securityContext"]?.AsObject() ?? new JsonObject();
        var uid = (long?)(containerSecurity["runAsUser"] ?? podSecurity["runAsUser"]) ?? (long?)process["user"]!["uid"] ?? 0;
        var gid = (long?)(containerSecurity["runAsGroup"] ?? podSecurity["runAsGroup"]) ?? (long?)process["user"]!["gid"] ?? 0;
        if ((bool?)(containerSecurity["runAsNonRoot"] ?? podSecurity["runAsNonRoot"]) == true)
        {
            Assert.True(uid != 0, "runAsNonRoot: the kubelet refuses to start a container that would run as root");
        }

        process["user"] = new JsonObject { ["uid"] = uid, ["gid"] = gid };
        process["noNewPrivileges"] = (bool?)containerSecurity["allowPrivilegeEscalation"] == false;
        var dropped = containerSecurity["capabilities"]?["drop"] is JsonArray drop ? Strings(drop) : Array.Empty<string>();
        if (dropped.Contains("ALL"))
        {
            process["capabilities"] = new JsonObject
            {
                ["bounding"] = new JsonArray(), ["effective"] = new JsonArray(), ["inheritable"] = new JsonArray(),
                ["permitted"] = new JsonArray(), ["ambient"] = new JsonArray(),
            };
        }

        int? containerPort = container["ports"] is JsonArray ports ? (int?)ports[0]!["containerPort"] : null;
        int? hostPort = containerPort is null ? null : FreePort.Next();
        process["env"] = ToArray(Environment(process, container, configSources, containerPort, hostPort));

        config["root"] = new JsonObject { ["path"] = Path.Combine(image.Bundle, "rootfs"), ["readonly"] = (bool?)containerSecurity["readOnlyRootFilesystem"] == true };
        config["hostname"] = name;
        var mounts = config["mounts"]!.AsArray();
        foreach (var mount in container["volumeMounts"] as JsonArray ?? new JsonArray())
        {
            var volume = spec["volumes"]!.AsArray().Single(v => (string?)v!["name"] == (string?)mount!["name"])!;
            Assert.True(volume["emptyDir"] is not null, "only emptyDir volumes are run here: " + volume.ToJsonString());
            var source = Path.Combine(folder, "volumes", (string)mount!["name"]!);
            Directory.CreateDirectory(source);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(source, (UnixFileMode)Convert.ToInt32("1777", 8));
            }
            mounts.Add(new JsonObject
            {
                ["destination"] = (string?)mount["mountPath"],
                ["type"] = "bind",
                ["source"] = source,
                ["options"] = new JsonArray("rbind", "rw", "nosuid", "nodev"),
            });
        }

        var namespaces = config["linux"]!["namespaces"]!.AsArray();
        foreach (var network in namespaces.Where(n => (string?)n!["type"] == "network").ToList())
        {
            namespaces.Remove(network);
        }

        var bundle = Path.Combine(folder, "bundle");
        Directory.CreateDirectory(bundle);
        File.WriteAllText(Path.Combine(bundle, "config.json"), config.ToJsonString());

        var start = new ProcessStartInfo("runc") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        // runc's container ids are machine-wide: other test runs may start the same pod at the same time.
        var id = name + "-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var argument in new[] { "run", "-b", bundle, id })
        {
            start.ArgumentList.Add(argument);
        }

        var grace = (int?)spec["terminationGracePeriodSeconds"] ?? 30;
        return new Pod(name, id, Process.Start(start)!, container, grace, hostPort);
    }

    /// <summary>Polls the container's probe (livenessProbe or readinessProbe) until it answers 2xx; how long that took.</summary>
    public TimeSpan WaitForProbe(string probe, TimeSpan timeout)
    {
        var path = (string)_container[probe]!["httpGet"]!["path"]!;
        Assert.Equal("http", (string?)_container[probe]!["httpGet"]!["port"]);
        var watch = Stopwatch.StartNew();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds((int?)_container[probe]!["timeoutSeconds"] ?? 1) };
        string last = "no answer";
        while (watch.Elapsed < timeout)
        {
            Assert.False(_runc.HasExited, $"{Name} exited while waiting for its {probe}\n{Output}");
            try
            {
                using var response = client.GetAsync($"http://127.0.0.1:{HostPort}{path}").GetAwaiter().GetResult();
                if ((int)response.StatusCode is >= 200 and < 400)
                {
                    return watch.Elapsed;
                }

                last = response.StatusCode.ToString();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.Message;
            }

            Thread.Sleep(200);
        }

        throw new TimeoutException($"{Name}: {probe} {path} not ready within {timeout.TotalSeconds} s (last: {last})\n{Output}");
    }

    /// <summary>Waits for a container that runs to completion (a Job's); its exit code.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_runc.WaitForExit((int)timeout.TotalMilliseconds))
        {
            throw new TimeoutException($"{Name} did not finish within {timeout.TotalSeconds} s\n{Output}");
        }

        _runc.WaitForExit();
        return _runc.ExitCode;
    }

    /// <summary>
    /// Stops the pod as a kubelet does: the preStop sleep, SIGTERM, and SIGKILL when the grace period (counted from
    /// the start of preStop) is over. The exit code and the time from SIGTERM to exit; a kill fails the test.
    /// </summary>
    public (int ExitCode, TimeSpan AfterSigterm) Stop()
    {
        var watch = Stopwatch.StartNew();
        if (_container["lifecycle"]?["preStop"]?["sleep"]?["seconds"] is { } seconds)
        {
            Thread.Sleep(TimeSpan.FromSeconds((int)seconds));
        }

        var sigterm = watch.Elapsed;
        Runc("kill", _id, "TERM");
        var remaining = TimeSpan.FromSeconds(_gracePeriod) - watch.Elapsed;
        if (!_runc.WaitForExit((int)Math.Max(0, remaining.TotalMilliseconds)))
        {
            Runc("kill", _id, "KILL");
            _runc.WaitForExit(10_000);
            Assert.Fail($"{Name} was still running when its grace period of {_gracePeriod} s ended\n{Output}");
        }

        _runc.WaitForExit();
        return (_runc.ExitCode, watch.Elapsed - sigterm);
    }

    public void Dispose()
    {
        if (!_runc.HasExited)
        {
            ProcessRunner.Run("runc", new[] { "kill", _id, "KILL" }, Path.GetTempPath());
            _runc.WaitForExit(10_000);
        }

        ProcessRunner.Run("runc", new[] { "delete", "--force", _id }, Path.GetTempPath());
        _runc.Dispose();
    }

    private static IEnumerable<string> Environment(JsonObject process, JsonObject container, IReadOnlyList<JsonObject> configSources, int? containerPort, int? hostPort)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Strings(process["env"]!.AsArray()))
        {
            var eq = entry.IndexOf('=');
            variables[entry[..eq]] = entry[(eq + 1)..];
        }

        // envFrom first, in order, then env: later sources win, as in Kubernetes.
        foreach (var source in container["envFrom"] as JsonArray ?? new JsonArray())
        {
            var (kind, reference) = source!["secretRef"] is { } secret ? ("Secret", secret) : ("ConfigMap", source["configMapRef"]!);
            var found = configSources.SingleOrDefault(o => (string?)o["kind"] == kind && (string?)o["metadata"]!["name"] == (string?)reference["name"]);
            if (found is null)
            {
                Assert.True((bool?)reference["optional"] == true, $"the {kind} '{reference["name"]}' does not exist and is not optional: the pod would not start");
                continue;
            }

            foreach (var (key, value) in found["data"]?.AsObject() ?? new JsonObject())
            {
                variables[key] = kind == "Secret" ? Encoding.UTF8.GetString(Convert.FromBase64String((string)value!)) : (string)value!;
            }
        }

        foreach (var variable in container["env"] as JsonArray ?? new JsonArray())
        {
            var value = (string)variable!["value"]!;
            variables[(string)variable["name"]!] = containerPort is not null && value == containerPort.ToString() ? hostPort.ToString()! : value;
        }

        return variables.Select(v => v.Key + "=" + v.Value);
    }

    private static IReadOnlyList<string> Strings(JsonArray array) => array.Select(v => (string)v!).ToList();

    private static JsonArray ToArray(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static void Runc(params string[] arguments)
    {
        var result = ProcessRunner.Run("runc", arguments, Path.GetTempPath(), timeout: TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, "runc " + string.Join(' ', arguments) + "\n" + result.Output);
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
}
