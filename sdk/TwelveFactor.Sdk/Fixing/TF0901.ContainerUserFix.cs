using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>
/// TF0901: ContainerUser set to root (by name or uid) in the project becomes 'app', the non-root user (uid 1654)
/// of the .NET base images. A Dockerfile's USER, or a ContainerUser that comes through a property, needs a person.
/// </summary>
public sealed class ContainerUserFix : IBuildFileFix
{
    /// <summary>The non-root user every .NET base image from .NET 8 on has (APP_UID 1654).</summary>
    public const string NonRootUser = "app";

    public string RuleId => RuleIds.RunsAsRoot;

    public FixPlan Plan(Finding finding, string text, FixContext context)
    {
        if (finding.FingerprintKey != "ContainerUser")
        {
            return FixPlan.NeedsPerson("add a non-root USER to the final stage ('USER $APP_UID' on the .NET images, or a user the image creates)");
        }

        var element = XmlStartTag.At(text, finding.Line, finding.Column);
        var user = element?.TrimmedContent();
        if (user is null || !ContainerUsers.IsRoot(user) || element!.SetContent(NonRootUser) is not { } edit)
        {
            return FixPlan.NeedsPerson($"ContainerUser is not written as root here: set it to '{NonRootUser}' where it is decided");
        }

        return new FixPlan(edit, $"ContainerUser set from '{user}' to '{NonRootUser}', the non-root user (uid 1654) of the .NET base images; a custom base image must have that user");
    }
}
