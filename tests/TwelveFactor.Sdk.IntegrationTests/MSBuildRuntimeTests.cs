using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using Microsoft.Build.Evaluation;
using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.IntegrationTests;

/// <summary>
/// Where the SDK's tasks run in each MSBuild: in process in the .NET MSBuild, in the .NET task host in Visual
/// Studio's .NET Framework MSBuild 18 and later, and nowhere (TF0009) in an older one. The packed targets are
/// evaluated with the MSBuild API; the task-host path is also built for real, since the .NET MSBuild can run
/// its own .NET task host.
/// </summary>
public sealed class MSBuildRuntimeTests
{
    private static readonly Lazy<string> ExtractedSdk = new(Extract, LazyThreadSafetyMode.ExecutionAndPublication);

    [Fact]
    public void The_package_carries_the_net_task_assembly_whose_dependencies_are_the_runtime_MSBuild_or_the_package_itself()
    {
        var tasks = Path.Combine(ExtractedSdk.Value, "tasks", "net8.0");
        var assembly = Path.Combine(tasks, "TwelveFactor.Sdk.dll");
        Assert.True(File.Exists(assembly), assembly);

        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToList();

        Assert.Contains("Microsoft.Build.Framework", references);
        var unresolved = references.Where(name => !IsProvidedByMSBuildOrTheRuntime(name) && !File.Exists(Path.Combine(tasks, name + ".dll")));
        Assert.Empty(unresolved);
    }

    [Theory]
    [InlineData("Core", "18.9.11", "CurrentRuntime", "")]
    [InlineData("Core", "17.8.3", "CurrentRuntime", "")]
    [InlineData("Full", "18.0.2", "NET", "TaskHostFactory")]
    [InlineData("Full", "18.9.11", "NET", "TaskHostFactory")]
    [InlineData("Full", "17.14.8", "CurrentRuntime", "")]
    public void The_targets_choose_in_process_tasks_or_the_net_task_host_by_runtime_type_and_version(
        string runtimeType, string msbuildVersion, string taskRuntime, string taskFactory)
    {
        var evaluated = Evaluate(runtimeType, msbuildVersion);

        Assert.Equal(taskRuntime, evaluated.Properties["TwelveFactorTaskRuntime"]);
        Assert.Equal(taskFactory, evaluated.Properties["TwelveFactorTaskFactory"]);
        Assert.Equal(Path.Combine(ExtractedSdk.Value, "tasks", "net8.0", "TwelveFactor.Sdk.dll"), evaluated.Properties["TwelveFactorTasksAssembly"]);
        // Every task the SDK declares goes through that choice.
        Assert.NotEmpty(evaluated.UsingTasks);
        Assert.All(evaluated.UsingTasks, task =>
        {
            Assert.Equal("$(TwelveFactorTaskRuntime)", task.Runtime);
            Assert.Equal("$(TwelveFactorTaskFactory)", task.TaskFactory);
            Assert.Equal("$(TwelveFactorTasksAssembly)", task.AssemblyFile);
        });
    }

    /// <summary>
    /// A project with InitialTargets answers every call a referencing project makes (GetTargetFrameworks,
    /// GetTargetPath, GetCopyToOutputDirectoryItems) more slowly: a third of a 50-project no-op build. The MSBuild
    /// check (TF0009) runs where the SDK's tasks start instead.
    /// </summary>
    [Fact]
    public void No_file_of_the_SDK_declares_initial_targets()
    {
        Assert.Empty(Evaluate("Core", "18.9.11").InitialTargets);
    }

    [Fact]
    public void Through_the_net_task_host_the_checks_report_the_same_findings()
    {
        using var ws = Workspace.Create("task-host");
        ws.WriteProject("Web", "web", """
              <ItemGroup>
                <PackageReference Include="Microsoft.AspNetCore.Mvc.Razor.RuntimeCompilation" Version="10.0.15" />
              </ItemGroup>
            """);

        var build = ws.Build("Web", "-p:_TwelveFactorMSBuildRuntimeType=Full", "-p:_TwelveFactorMSBuildVersion=18.9.11");

        Assert.Equal(1, build.ExitCode);
        var finding = Assert.Single(build.Findings);
        Assert.Equal(("TF0502", "error", "Web.csproj", ws.LineOf("Web/Web.csproj", "RuntimeCompilation")),
            (finding.Code, finding.Severity, finding.FileName, finding.Line));
    }

    [Fact]
    public void An_older_framework_MSBuild_stops_with_TF0009_naming_the_minimum_Visual_Studio_but_design_time_builds_do_not()
    {
        using var ws = Workspace.Create("old-msbuild");
        ws.WriteProject("Web", "web");
        var oldVisualStudio = new[] { "-p:_TwelveFactorMSBuildRuntimeType=Full", "-p:_TwelveFactorMSBuildVersion=17.14.8" };

        var build = ws.Build("Web", oldVisualStudio);

        Assert.Equal(1, build.ExitCode);
        var error = Assert.Single(build.Findings);
        Assert.Equal(("TF0009", "error", "Web.csproj"), (error.Code, error.Severity, error.FileName));
        Assert.Equal(RuleCatalog.Get(RuleIds.FrameworkMSBuildTooOld).FormatMessage("17.14.8", "18.0"), error.Message);
        Assert.False(ws.Exists("Web/obj/Debug/net10.0/twelvefactor/settings.cache"), "no check ran");

        // The editor still works there: a design-time build reports nothing and runs no task of the SDK.
        var designTime = ws.Build("Web", oldVisualStudio.Append("-p:DesignTimeBuild=true").ToArray());
        Assert.True(designTime.Succeeded, designTime.ToString());
        Assert.Empty(designTime.Findings);
        Assert.False(ws.Exists("Web/obj/Debug/net10.0/twelvefactor/TwelveFactor.Analyzers.globalconfig"), "no task ran");
    }

    private static bool IsProvidedByMSBuildOrTheRuntime(string name) =>
        name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal) ||
        name.StartsWith("Microsoft.Build", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal) ||
        name == "Microsoft.CSharp" || name == "Microsoft.VisualBasic";

    /// <summary>What the evaluation says, in plain strings: the test methods must not load an MSBuild type.</summary>
    private sealed record Evaluation(IReadOnlyDictionary<string, string> Properties, IReadOnlyList<UsingTask> UsingTasks, IReadOnlyList<string> InitialTargets);

    private sealed record UsingTask(string Runtime, string TaskFactory, string AssemblyFile);

    private static Evaluation Evaluate(string runtimeType, string msbuildVersion)
    {
        MSBuildInstance.EnsureRegistered();
        return EvaluateWithMSBuild(runtimeType, msbuildVersion);
    }

    // Kept apart from the registration so that no MSBuild type is loaded before the locator has run.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Evaluation EvaluateWithMSBuild(string runtimeType, string msbuildVersion)
    {
        var folder = Path.Combine(RepositoryLayout.Scratch, "evaluate-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var sdk = ExtractedSdk.Value;
        var projectFile = Path.Combine(folder, "Svc.csproj");
        File.WriteAllText(projectFile, $"""
            <Project>
              <Import Project="{sdk}/Sdk/Sdk.props" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <TwelveFactorProcessType>web</TwelveFactorProcessType>
              </PropertyGroup>
              <Import Project="{sdk}/Sdk/Sdk.targets" />
            </Project>
            """);
        try
        {
            using var collection = new ProjectCollection(new Dictionary<string, string>
            {
                ["_TwelveFactorMSBuildRuntimeType"] = runtimeType,
                ["_TwelveFactorMSBuildVersion"] = msbuildVersion,
            });
            var project = collection.LoadProject(projectFile);
            var properties = new[] { "TwelveFactorTaskRuntime", "TwelveFactorTaskFactory", "TwelveFactorTasksAssembly" }
                .ToDictionary(name => name, project.GetPropertyValue);
            var usingTasks = project.Imports
                .Where(i => i.ImportedProject.FullPath.StartsWith(sdk, StringComparison.Ordinal))
                .SelectMany(i => i.ImportedProject.UsingTasks)
                .Select(task => new UsingTask(task.Runtime, task.TaskFactory, task.AssemblyFile))
                .ToList();
            var initialTargets = project.Imports
                .Where(i => i.ImportedProject.FullPath.StartsWith(sdk, StringComparison.Ordinal) && i.ImportedProject.InitialTargets.Length > 0)
                .Select(i => $"{Path.GetFileName(i.ImportedProject.FullPath)}: {i.ImportedProject.InitialTargets}")
                .ToList();
            return new Evaluation(properties, usingTasks, initialTargets);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Extract()
    {
        var package = Directory.GetFiles(PackedSdk.Instance.Feed, $"TwelveFactor.Sdk.{PackedSdk.Instance.Version}.nupkg").Single();
        var folder = Path.Combine(RepositoryLayout.Scratch, "extracted-sdk", PackedSdk.Instance.Version);
        if (!Directory.Exists(folder))
        {
            ZipFile.ExtractToDirectory(package, folder + ".partial", overwriteFiles: true);
            Directory.Move(folder + ".partial", folder);
        }
        return folder;
    }
}

/// <summary>Registers the .NET SDK's MSBuild (the one running the tests' builds) once per test process.</summary>
internal static class MSBuildInstance
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        if (!Microsoft.Build.Locator.MSBuildLocator.IsRegistered)
        {
            Microsoft.Build.Locator.MSBuildLocator.RegisterDefaults();
        }
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureRegistered() => _ = Registered.Value;
}
