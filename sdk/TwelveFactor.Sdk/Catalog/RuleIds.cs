namespace TwelveFactor.Sdk.Catalog;

/// <summary>Names for the catalogue's ids, so that code says which rule it reports.</summary>
public static class RuleIds
{
    public const string InternalError = "TF0000";
    public const string MalformedBaseline = "TF0001";
    public const string StaleBaseline = "TF0002";
    public const string UnreadableFile = "TF0003";
    public const string MalformedFile = "TF0004";
    public const string InvalidSetting = "TF0005";
    public const string ReportNotWritten = "TF0006";
    public const string BaselineNotWritten = "TF0007";
    public const string ProcessTypeNotVisible = "TF0008";
    public const string FrameworkMSBuildTooOld = "TF0009";

    public const string ProjectReferenceOutsideRepository = "TF0101";

    public const string LockFile = "TF0201";
    public const string FloatingVersion = "TF0202";
    public const string SystemReference = "TF0203";
    public const string UnpinnedBaseImage = "TF0204";

    public const string EmbeddedConfig = "TF0301";
    public const string EnvironmentConfigInOutput = "TF0302";
    public const string Secret = "TF0303";
    public const string KeyFileInOutput = "TF0304";

    public const string HardCodedBackingService = "TF0401";

    public const string UnversionedRelease = "TF0501";
    public const string RunTimeCompilation = "TF0502";
    public const string ReleaseExists = "TF0503";
    public const string UnpinnedDeployedImage = "TF0504";
    public const string UnlabelledDockerfileRelease = "TF0505";

    public const string InProcessState = "TF0601";
    public const string HostPathState = "TF0602";

    public const string IisHosting = "TF0701";
    public const string HardCodedListenAddress = "TF0702";
    public const string ContainerPortMismatch = "TF0703";

    public const string UnknownProcessType = "TF0801";
    public const string BackgroundWorkerInWeb = "TF0802";

    public const string RunsAsRoot = "TF0901";
    public const string UngracefulShutdown = "TF0902";
    public const string NoHealthProbes = "TF0903";

    public const string DevelopmentSubstitute = "TF1001";

    public const string FileLogging = "TF1101";

    public const string AdminTaskInService = "TF1201";
}
