using TwelveFactor.Sdk.Reading;
using TwelveFactor.Sdk.Testing;

namespace TwelveFactor.Sdk.Tests.Engine;

public sealed class CheckedFilesDigestTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tf-digest-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_digest_follows_the_content_not_the_timestamp()
    {
        var key = CheckedFilesDigest.KeyFrom(Path.Combine(_folder, "key"));
        var file = Write("appsettings.json", "{ \"Password\": \"a\" }");
        var time = File.GetLastWriteTimeUtc(file);
        var before = CheckedFilesDigest.Of(new[] { file }, key);

        File.SetLastWriteTimeUtc(file, time.AddDays(1));
        Assert.Equal(before, CheckedFilesDigest.Of(new[] { file }, key));

        Write("appsettings.json", "{ \"Password\": \"b\" }");
        File.SetLastWriteTimeUtc(file, time);
        Assert.NotEqual(before, CheckedFilesDigest.Of(new[] { file }, key));
    }

    [Fact]
    public void Without_the_key_the_digest_says_nothing_of_the_content()
    {
        var file = Write("appsettings.json", "{ \"Password\": \"a\" }");

        var one = CheckedFilesDigest.Of(new[] { file }, CheckedFilesDigest.KeyFrom(Path.Combine(_folder, "one", "key")));
        var other = CheckedFilesDigest.Of(new[] { file }, CheckedFilesDigest.KeyFrom(Path.Combine(_folder, "other", "key")));

        Assert.NotEqual(one, other);
        Assert.Equal(one, CheckedFilesDigest.Of(new[] { file }, CheckedFilesDigest.KeyFrom(Path.Combine(_folder, "one", "key"))));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, "one", "key")));
        }
    }

    [Fact]
    public async Task A_fifo_is_not_read_and_a_missing_file_counts_as_missing()
    {
        var fifo = Path.Combine(_folder, "appsettings.json");
        Assert.Equal(0, ProcessRunner.Run("mkfifo", new[] { fifo }, _folder).ExitCode);
        var key = CheckedFilesDigest.KeyFrom(Path.Combine(_folder, "key"));

        var digest = Task.Run(() => CheckedFilesDigest.Of(new[] { fifo, Path.Combine(_folder, "gone.json") }, key));

        Assert.Same(digest, await Task.WhenAny(digest, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal(64, (await digest).Length);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
