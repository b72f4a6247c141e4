using System.Globalization;
using System.Resources;

namespace TwelveFactor.Sdk.Catalog;

/// <summary>
/// Every rule the SDK reports, one descriptor each: id, factor and default severity here, the help link made from
/// the id, and the words (title, message, fix, reason, trade-off) in RuleText.resx under the id. The build tasks
/// and the analyzer both read this catalogue; the README's rule table, TwelveFactor.RuleIds.props and the docs
/// pages are checked against it (tests/TwelveFactor.Sdk.Tests/Catalog).
/// </summary>
public static class RuleCatalog
{
    public const string HelpLinkBase = "https://github.com/twelvefactor/TwelveFactor.Sdk/blob/main/docs/rules/";

    // Declared before the descriptors: static fields are initialised in the order they are written.
    private static readonly ResourceManager Text =
        new ResourceManager("TwelveFactor.Sdk.Catalog.RuleText", typeof(RuleCatalog).Assembly);

    // Engine diagnostics (TF00yy): about the build's own inputs, not about the service.
    public static readonly Rule InternalError = Define(RuleIds.InternalError, factor: 0, RuleSeverity.Error);
    public static readonly Rule MalformedBaseline = Define(RuleIds.MalformedBaseline, factor: 0, RuleSeverity.Error);
    public static readonly Rule StaleBaseline = Define(RuleIds.StaleBaseline, factor: 0, RuleSeverity.Warning);
    public static readonly Rule UnreadableFile = Define(RuleIds.UnreadableFile, factor: 0, RuleSeverity.Warning);
    public static readonly Rule MalformedFile = Define(RuleIds.MalformedFile, factor: 0, RuleSeverity.Warning);
    public static readonly Rule InvalidSetting = Define(RuleIds.InvalidSetting, factor: 0, RuleSeverity.Error);
    public static readonly Rule ReportNotWritten = Define(RuleIds.ReportNotWritten, factor: 0, RuleSeverity.Warning);
    public static readonly Rule BaselineNotWritten = Define(RuleIds.BaselineNotWritten, factor: 0, RuleSeverity.Error);
    public static readonly Rule ProcessTypeNotVisible = Define(RuleIds.ProcessTypeNotVisible, factor: 0, RuleSeverity.Error);
    public static readonly Rule FrameworkMSBuildTooOld = Define(RuleIds.FrameworkMSBuildTooOld, factor: 0, RuleSeverity.Error);

    // I. Codebase
    public static readonly Rule ProjectReferenceOutsideRepository = Define(RuleIds.ProjectReferenceOutsideRepository, factor: 1, RuleSeverity.Warning);

    // II. Dependencies
    public static readonly Rule LockFile = Define(RuleIds.LockFile, factor: 2, RuleSeverity.Error);
    public static readonly Rule FloatingVersion = Define(RuleIds.FloatingVersion, factor: 2, RuleSeverity.Error);
    public static readonly Rule SystemReference = Define(RuleIds.SystemReference, factor: 2, RuleSeverity.Error);
    public static readonly Rule UnpinnedBaseImage = Define(RuleIds.UnpinnedBaseImage, factor: 2, RuleSeverity.Warning);

    // III. Config
    public static readonly Rule EmbeddedConfig = Define(RuleIds.EmbeddedConfig, factor: 3, RuleSeverity.Error);
    public static readonly Rule EnvironmentConfigInOutput = Define(RuleIds.EnvironmentConfigInOutput, factor: 3, RuleSeverity.Error);
    public static readonly Rule Secret = Define(RuleIds.Secret, factor: 3, RuleSeverity.Error);
    public static readonly Rule KeyFileInOutput = Define(RuleIds.KeyFileInOutput, factor: 3, RuleSeverity.Error);

    // IV. Backing services
    public static readonly Rule HardCodedBackingService = Define(RuleIds.HardCodedBackingService, factor: 4, RuleSeverity.Warning);

    // V. Build, release, run
    public static readonly Rule UnversionedRelease = Define(RuleIds.UnversionedRelease, factor: 5, RuleSeverity.Error);
    public static readonly Rule RunTimeCompilation = Define(RuleIds.RunTimeCompilation, factor: 5, RuleSeverity.Error);
    public static readonly Rule ReleaseExists = Define(RuleIds.ReleaseExists, factor: 5, RuleSeverity.Error);
    public static readonly Rule UnpinnedDeployedImage = Define(RuleIds.UnpinnedDeployedImage, factor: 5, RuleSeverity.Warning);
    public static readonly Rule UnlabelledDockerfileRelease = Define(RuleIds.UnlabelledDockerfileRelease, factor: 5, RuleSeverity.Warning);

    // VI. Processes
    public static readonly Rule InProcessState = Define(RuleIds.InProcessState, factor: 6, RuleSeverity.Warning);
    public static readonly Rule HostPathState = Define(RuleIds.HostPathState, factor: 6, RuleSeverity.Warning);

    // VII. Port binding
    public static readonly Rule IisHosting = Define(RuleIds.IisHosting, factor: 7, RuleSeverity.Error);
    public static readonly Rule HardCodedListenAddress = Define(RuleIds.HardCodedListenAddress, factor: 7, RuleSeverity.Error);
    public static readonly Rule ContainerPortMismatch = Define(RuleIds.ContainerPortMismatch, factor: 7, RuleSeverity.Warning);

    // VIII. Concurrency
    public static readonly Rule UnknownProcessType = Define(RuleIds.UnknownProcessType, factor: 8, RuleSeverity.Warning);
    public static readonly Rule BackgroundWorkerInWeb = Define(RuleIds.BackgroundWorkerInWeb, factor: 8, RuleSeverity.Suggestion);

    // IX. Disposability
    public static readonly Rule RunsAsRoot = Define(RuleIds.RunsAsRoot, factor: 9, RuleSeverity.Error);
    public static readonly Rule UngracefulShutdown = Define(RuleIds.UngracefulShutdown, factor: 9, RuleSeverity.Warning);
    public static readonly Rule NoHealthProbes = Define(RuleIds.NoHealthProbes, factor: 9, RuleSeverity.Warning);

    // X. Dev/prod parity
    public static readonly Rule DevelopmentSubstitute = Define(RuleIds.DevelopmentSubstitute, factor: 10, RuleSeverity.Warning);

    // XI. Logs
    public static readonly Rule FileLogging = Define(RuleIds.FileLogging, factor: 11, RuleSeverity.Error);

    // XII. Admin processes
    public static readonly Rule AdminTaskInService = Define(RuleIds.AdminTaskInService, factor: 12, RuleSeverity.Warning);

    private static readonly Rule[] Rules =
    {
        InternalError,
        MalformedBaseline,
        StaleBaseline,
        UnreadableFile,
        MalformedFile,
        InvalidSetting,
        ReportNotWritten,
        BaselineNotWritten,
        ProcessTypeNotVisible,
        FrameworkMSBuildTooOld,
        ProjectReferenceOutsideRepository,
        LockFile,
        FloatingVersion,
        SystemReference,
        UnpinnedBaseImage,
        EmbeddedConfig,
        EnvironmentConfigInOutput,
        Secret,
        KeyFileInOutput,
        HardCodedBackingService,
        UnversionedRelease,
        RunTimeCompilation,
        ReleaseExists,
        UnpinnedDeployedImage,
        UnlabelledDockerfileRelease,
        InProcessState,
        HostPathState,
        IisHosting,
        HardCodedListenAddress,
        ContainerPortMismatch,
        UnknownProcessType,
        BackgroundWorkerInWeb,
        RunsAsRoot,
        UngracefulShutdown,
        NoHealthProbes,
        DevelopmentSubstitute,
        FileLogging,
        AdminTaskInService,
    };

    private static readonly Dictionary<string, Rule> ById = Rules.ToDictionary(rule => rule.Id, StringComparer.Ordinal);

    /// <summary>Every rule, ordered by id.</summary>
    public static IEnumerable<Rule> All => Rules;

    public static Rule Get(string id) =>
        ById.TryGetValue(id, out var rule) ? rule : throw new ArgumentException("No rule with id " + id, nameof(id));

    public static bool TryGet(string id, out Rule rule)
    {
        if (ById.TryGetValue(id, out var found))
        {
            rule = found;
            return true;
        }

        rule = null!;
        return false;
    }

    /// <summary>What a person should review for a factor (1..12), beyond what the build checks.</summary>
    public static string FactorReview(int factor) =>
        Text.GetString("Factor" + factor.ToString("00", CultureInfo.InvariantCulture) + "_Review", CultureInfo.InvariantCulture) ?? "";

    private static Rule Define(string id, int factor, RuleSeverity defaultSeverity)
    {
        string Required(string part) => Text.GetString(id + "_" + part, CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException("Rule " + id + " has no " + part + " in RuleText.resx.");
        return new Rule(id, factor, defaultSeverity, Required("Title"), Required("Message"), Required("Fix"), Required("Why"),
            Text.GetString(id + "_TradeOff", CultureInfo.InvariantCulture) ?? "");
    }
}
