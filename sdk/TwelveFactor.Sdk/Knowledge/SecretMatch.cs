using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Knowledge;

/// <summary>
/// A secret found in a file. It carries no part of the secret that identifies it: <see cref="Preview"/> shows
/// at most the public prefix that names the kind of token, and <see cref="FingerprintKey"/> holds its kind and key path.
/// </summary>
public sealed record SecretMatch(int Line, int Column, string Kind, string KeyPath, string Preview, string FingerprintKey)
{
    /// <summary>Where and what, for the message: "'Db:Password' = ***".</summary>
    public string Description => KeyPath.Length == 0 ? Preview : "'" + KeyPath + "' = " + Preview;
}

/// <summary>What scanning one file found, and whether the file parsed.</summary>
public sealed record SecretScan(IReadOnlyList<SecretMatch> Matches, ConfigFileProblem? Problem);
