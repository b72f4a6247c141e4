namespace TwelveFactor.Sdk.Composition;

/// <summary>
/// A package the project references itself (a PackageReference it declares, not one the SDK adds or one that
/// arrives through another package), with the file that declares it.
/// </summary>
public sealed record DirectPackage(string Id, string DefiningFile);
