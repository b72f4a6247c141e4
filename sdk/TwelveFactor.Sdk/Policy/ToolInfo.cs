using System.Reflection;

namespace TwelveFactor.Sdk.Policy;

public static class ToolInfo
{
    /// <summary>The package version, from the assembly's informational version (without the commit suffix).</summary>
    public static string Version { get; } =
        (typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];
}
