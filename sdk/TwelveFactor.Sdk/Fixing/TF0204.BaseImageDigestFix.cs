using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Fixing;

/// <summary>
/// TF0204: ContainerBaseImage written by tag is pinned to the digest its registry serves for that tag today, the
/// tag kept beside it (name:tag@sha256:...). When the registry cannot be reached the message says how to get the
/// digest. A Dockerfile's FROM, or a base image the SDK infers, needs a person.
/// </summary>
public sealed class BaseImageDigestFix : IBuildFileFix
{
    public string RuleId => RuleIds.UnpinnedBaseImage;

    public FixPlan Plan(Finding finding, string text, FixContext context)
    {
        if (finding.FingerprintKey != "ContainerBaseImage")
        {
            return FixPlan.NeedsPerson("pin the FROM image by digest (name:tag@sha256:...) in the Dockerfile");
        }

        var element = XmlStartTag.At(text, finding.Line, finding.Column);
        var written = element?.TrimmedContent();
        if (written is null || !ImageReference.TryParse(written, out var image) || image.IsPinned || image.Tag is null)
        {
            return FixPlan.NeedsPerson("ContainerBaseImage is not written by tag here: pin it by digest (name:tag@sha256:...) where it is decided");
        }

        var lookup = context.LookupImage(image);
        if (lookup.Digest is not { Length: > 0 } digest || lookup.State != TagState.Exists)
        {
            return FixPlan.NeedsPerson($"the registry did not give the digest of {written} ({lookup.Detail}): " +
                $"get it with 'skopeo inspect --format {{{{.Digest}}}} docker://{written}' or 'docker buildx imagetools inspect {written}' " +
                $"and write {image.PinnedForm()}");
        }

        var pinned = image.PinnedForm(digest);
        return new FixPlan(element!.SetContent(pinned), $"ContainerBaseImage pinned to {pinned}, the digest {image.Name} serves for '{image.Tag}' today");
    }
}
