namespace TwelveFactor.Sdk.Dependencies;

/// <summary>
/// A package version as the project declares it: a PackageReference, a central PackageVersion or a
/// GlobalPackageReference, with the file that defined it.
/// </summary>
/// <param name="ItemType">PackageReference, PackageVersion or GlobalPackageReference.</param>
/// <param name="VersionAttribute">Version or VersionOverride: where the version was written.</param>
public sealed record DeclaredPackage(string ItemType, string Id, string Version, string VersionAttribute, string DefiningFile);
