using System.Text.Json;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Release;

/// <summary>The image a release produced: where it went and what identifies it.</summary>
public sealed record ReleasedImage(
    string Registry,
    string Repository,
    IReadOnlyList<string> Tags,
    string Digest,
    string MediaType,
    string ArchivePath);

/// <summary>
/// The release manifest: one JSON file beside the publish output telling deploy tooling what was released
/// (release id, image name, tags and digest, labels, process type, base image).
/// </summary>
public static class ReleaseManifest
{
    public const int FormatVersion = 1;

    public static byte[] Create(string releaseId, string processType, string baseImage, ReleasedImage image, IReadOnlyDictionary<string, string> labels)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteString("releaseId", releaseId);
            writer.WriteString("processType", processType);
            writer.WriteStartObject("image");
            var name = image.Registry.Length > 0 ? image.Registry + "/" + image.Repository : image.Repository;
            writer.WriteString("name", name);
            writer.WriteString("registry", image.Registry);
            writer.WriteString("repository", image.Repository);
            writer.WriteStartArray("tags");
            foreach (var tag in image.Tags)
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
            writer.WriteString("digest", image.Digest);
            if (image.Digest.Length > 0)
            {
                writer.WriteString("reference", name + "@" + image.Digest);
            }

            writer.WriteString("mediaType", image.MediaType);
            if (image.ArchivePath.Length > 0)
            {
                writer.WriteString("archive", image.ArchivePath);
            }

            writer.WriteEndObject();
            writer.WriteString("baseImage", baseImage);
            writer.WriteStartObject("labels");
            foreach (var (key, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    public static void Write(string path, byte[] content) => FileWriting.WriteIfChanged(path, content);
}
