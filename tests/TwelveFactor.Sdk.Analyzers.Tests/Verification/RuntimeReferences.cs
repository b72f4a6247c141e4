using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TwelveFactor.Sdk.Analyzers.Tests.Verification;

/// <summary>
/// The running .NET's own assemblies and ASP.NET Core's shared framework of the same version: what a service
/// compiles against, found on this machine so that no reference package has to be downloaded.
/// </summary>
internal static class RuntimeReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Loaded = new(Load);

    public static ImmutableArray<MetadataReference> All => Loaded.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var sharedRoot = Path.GetDirectoryName(Path.GetDirectoryName(runtimeDirectory))!;
        var aspNet = Path.Combine(sharedRoot, "Microsoft.AspNetCore.App", Path.GetFileName(runtimeDirectory));
        if (!Directory.Exists(aspNet))
        {
            aspNet = Directory.GetDirectories(Path.Combine(sharedRoot, "Microsoft.AspNetCore.App")).OrderBy(d => d, StringComparer.Ordinal).Last();
        }

        return Directory.GetFiles(runtimeDirectory, "*.dll").Concat(Directory.GetFiles(aspNet, "*.dll"))
            .Where(IsManagedAssembly)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
