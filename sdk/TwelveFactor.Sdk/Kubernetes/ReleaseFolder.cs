using System.Text;
using System.Text.Json.Nodes;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Kubernetes;

/// <summary>
/// The release's Kubernetes folder: a subfolder per process type (its objects and a kustomization.yaml listing
/// the ones to apply; one-off Jobs beside them, unlisted), and at the top a kustomization.yaml over every
/// subfolder and a config example per service naming the variables its processes read, without values.
/// The projects of a solution write their own subfolders, possibly at the same time; the top-level files are
/// rewritten from what is on disk under an exclusive lock, so the last writer always sees every subfolder.
/// </summary>
public static class ReleaseFolder
{
    public const string Kustomization = "kustomization.yaml";
    public const string ConfigExample = "config.env.example";
    private const string LockFile = ".lock";

    /// <summary>Writes the process type's subfolder and refreshes the top-level files; the files written.</summary>
    public static IReadOnlyList<string> Write(string directory, ReleaseWorkload workload, TimeSpan lockTimeout)
    {
        var written = new List<string>();
        var component = Path.Combine(directory, workload.Component);
        Directory.CreateDirectory(component);
        var manifests = WorkloadObjects.Create(workload);
        foreach (var file in manifests.Applied.Concat(manifests.OneOff))
        {
            written.Add(WriteText(Path.Combine(component, file.FileName), YamlText.Write(file.Content)));
        }

        var kustomization = Path.Combine(component, Kustomization);
        if (manifests.Applied.Count > 0)
        {
            written.Add(WriteText(kustomization, KustomizationText(manifests.Applied.Select(m => m.FileName))));
        }
        else
        {
            File.Delete(kustomization);
        }

        written.Add(WriteText(Path.Combine(component, ConfigExample), ConfigVariables.ComponentExample(workload)));
        RemoveStaleFiles(component, written);

        using (FileWriting.AcquireLock(Path.Combine(directory, LockFile), lockTimeout))
        {
            var components = Directory.GetDirectories(directory).OrderBy(d => d, StringComparer.Ordinal).ToList();
            var applied = components.Where(d => File.Exists(Path.Combine(d, Kustomization))).Select(Path.GetFileName).ToList();
            written.Add(WriteText(Path.Combine(directory, Kustomization), KustomizationText(applied!)));
            var examples = components.Select(d => Path.Combine(d, ConfigExample)).Where(File.Exists).Select(InputFile.ReadText);
            foreach (var (service, text) in ConfigVariables.ServiceExamples(examples))
            {
                written.Add(WriteText(Path.Combine(directory, service + ".env.example"), text));
            }
        }

        return written;
    }

    public static string KustomizationText(IEnumerable<string> resources)
    {
        var document = new JsonObject
        {
            ["apiVersion"] = "kustomize.config.k8s.io/v1beta1",
            ["kind"] = "Kustomization",
            ["resources"] = new JsonArray(resources.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
        };
        return YamlText.Write(document);
    }

    // Files of an earlier release of this process type that this one no longer has (a command since removed).
    private static void RemoveStaleFiles(string component, IReadOnlyCollection<string> written)
    {
        foreach (var file in Directory.GetFiles(component, "*.yaml"))
        {
            if (!written.Contains(file, StringComparer.Ordinal))
            {
                File.Delete(file);
            }
        }
    }

    private static string WriteText(string path, string text)
    {
        FileWriting.WriteIfChanged(path, Encoding.UTF8.GetBytes(text));
        return path;
    }
}
