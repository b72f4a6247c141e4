using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace TwelveFactor.Templates.Tests;

/// <summary>
/// One process of a generated service, running: its stdout read as JSON log events (every line must be one),
/// SIGTERM sent as the platform sends it.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private ServiceProcess(Process process) => _process = process;

    public static ServiceProcess Start(string assembly, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in new[] { "DATABASE_URL", "PORT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT" })
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var service = new ServiceProcess(new Process { StartInfo = start });
        service._process.OutputDataReceived += (_, e) => service.Add(e.Data, "");
        service._process.ErrorDataReceived += (_, e) => service.Add(e.Data, "stderr: ");
        service._process.Start();
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        return service;
    }

    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>The log events on stdout; a line that is not a JSON object fails the test.</summary>
    public IReadOnlyList<JsonElement> Events
    {
        get
        {
            lock (_lines)
            {
                return _lines.Where(l => !l.StartsWith("stderr: ", StringComparison.Ordinal)).Select(ParseEvent).ToList();
            }
        }
    }

    public IEnumerable<string> Messages => Events.Select(e => e.GetProperty("Message").GetString()!);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public void WaitForMessage(Func<string, bool> predicate, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Messages.Any(predicate))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new TimeoutException($"No log event {what} (exited: {_process.HasExited}):\n{Output}");
            }
            Thread.Sleep(50);
        }
    }

    public void Terminate()
    {
        if (Kill(_process.Id, Sigterm) != 0)
        {
            throw new InvalidOperationException("kill(SIGTERM) failed: " + Marshal.GetLastWin32Error());
        }
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            throw new TimeoutException($"The process did not exit within {timeout}:\n{Output}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private void Add(string? line, string prefix)
    {
        if (line is not null)
        {
            lock (_lines)
            {
                _lines.Add(prefix + line);
            }
        }
    }

    private JsonElement ParseEvent(string line)
    {
        try
        {
            var element = JsonDocument.Parse(line).RootElement;
            Assert.Equal(JsonValueKind.Object, element.ValueKind);
            return element;
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"stdout carries a line that is not a JSON log event: {line}");
        }
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
