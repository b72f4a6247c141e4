using System.Text;

namespace TwelveFactor.Sdk.Kubernetes;

/// <summary>
/// The config example: the names of the variables a service's processes read, never a value. Each process type
/// writes its own list (required names as 'NAME=', optional ones commented out); the service's example merges them,
/// saying which processes read each name, in the env-file form kubectl reads for a Secret.
/// </summary>
public static class ConfigVariables
{
    private const string ServiceLine = "# service: ";
    private const string ProcessLine = "# process: ";
    private const string OptionalPrefix = "# optional: ";

    public static string ComponentExample(ReleaseWorkload workload)
    {
        var text = new StringBuilder();
        text.Append(ServiceLine).Append(workload.Service).Append('\n');
        text.Append(ProcessLine).Append(workload.ProcessType).Append('\n');
        foreach (var variable in workload.Variables.OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            text.Append(variable.Required ? "" : OptionalPrefix).Append(variable.Name).Append("=\n");
        }

        return text.ToString();
    }

    /// <summary>Per service, the merged example of the process types' lists.</summary>
    public static IEnumerable<(string Service, string Text)> ServiceExamples(IEnumerable<string> componentExamples)
    {
        var services = new SortedDictionary<string, SortedDictionary<string, (bool Required, SortedSet<string> Processes)>>(StringComparer.Ordinal);
        foreach (var example in componentExamples)
        {
            string? service = null;
            string? process = null;
            foreach (var line in example.Split('\n'))
            {
                if (line.StartsWith(ServiceLine, StringComparison.Ordinal))
                {
                    service = KubernetesNames.ToLabel(line[ServiceLine.Length..]);
                }
                else if (line.StartsWith(ProcessLine, StringComparison.Ordinal))
                {
                    process = line[ProcessLine.Length..].Trim();
                }
                else if (service is not null && process is not null && line.EndsWith('=') && line.Length > 1)
                {
                    var required = !line.StartsWith(OptionalPrefix, StringComparison.Ordinal);
                    var name = required ? line[..^1] : line[OptionalPrefix.Length..^1];
                    if (!services.TryGetValue(service, out var variables))
                    {
                        services[service] = variables = new(StringComparer.Ordinal);
                    }

                    var entry = variables.TryGetValue(name, out var known) ? known : (false, new SortedSet<string>(StringComparer.Ordinal));
                    entry.Item2.Add(process);
                    variables[name] = (entry.Item1 || required, entry.Item2);
                }
            }

            if (service is not null && !services.ContainsKey(service))
            {
                services[service] = new(StringComparer.Ordinal);
            }
        }

        foreach (var (service, variables) in services)
        {
            yield return (service, ServiceText(service, variables));
        }
    }

    private static string ServiceText(string service, SortedDictionary<string, (bool Required, SortedSet<string> Processes)> variables)
    {
        var text = new StringBuilder();
        text.Append("# The config of '").Append(service).Append("', by name only: the manifests read it from the Secret and the\n");
        text.Append("# ConfigMap named '").Append(service).Append("'. Fill in a copy kept out of the repository, then for example:\n");
        text.Append("#   kubectl create secret generic ").Append(service).Append(" --from-env-file=").Append(service).Append(".env\n");
        foreach (var (name, (required, processes)) in variables)
        {
            text.Append("\n# ").Append(required ? "required" : "optional").Append(" (").Append(string.Join(", ", processes)).Append(")\n");
            text.Append(required ? "" : "# ").Append(name).Append("=\n");
        }

        return text.ToString();
    }
}
