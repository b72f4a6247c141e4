using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.ShippedConfig;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>
/// The rules that read the config a project ships: backing-service addresses (TF0401), IIS web.config
/// (TF0701), listen addresses (TF0702), file logging (TF1101) and admin tasks on start (TF1201).
/// </summary>
public sealed class CheckShippedConfig : PolicyCheckTask
{
    /// <summary>Content and None items the project copies to its output or publish folder.</summary>
    public ITaskItem[] ConfigFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The process type, stated or implied by the SDK flavour (web, worker, admin or empty).</summary>
    public string? ProcessType { get; set; }

    protected override IEnumerable<Finding> Check() =>
        ShippedConfigCheck.Check(ConfigFiles.Select(f => f.GetMetadata("FullPath")), (ProcessType ?? "").Trim().ToLowerInvariant());
}
