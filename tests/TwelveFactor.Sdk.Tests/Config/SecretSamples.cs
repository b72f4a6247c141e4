namespace TwelveFactor.Sdk.Tests.Config;

/// <summary>Values shaped like real credentials, made up for the tests: none of them authenticates anywhere.</summary>
public static class SecretSamples
{
    public const string KeyMaterial = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4";

    public const string PrivateKeyPem = "-----BEGIN RSA PRIVATE KEY-----\n" + KeyMaterial + "\nq1w2e3r4t5y6u7i8o9p0\n-----END RSA PRIVATE KEY-----\n";

    public const string GitHubToken = "ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A";

    public const string AwsAccessKeyId = "AKIAZ7Q3K5M2N4P6R8T1";

    public const string AwsSecretAccessKey = "wJ9rXUtnFq2I7K4MDENGbPxRfiCY3q8Tz0ab4Kcd";

    public const string AzureAccountKey = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG9mcmVkcGx1Z2h4eXp6eTEyMzQ1Njc4OTA1Mg==";

    public const string GoogleApiKey = "AIzaSyD3x7Qk9LmN2pR5sT8vW1yZ4bC6eF0gH2j";

    public const string SlackToken = "xoxb-2048163751-4096327502-Hq7Zr9Lp3Wk5Nm2Bv8Xc4Jd6";

    public const string StripeKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dcR8vM2nQ5";

    public const string SendGridKey = "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";

    public const string NpmToken = "npm_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A";

    public const string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk0";

    public const string JwtSigningKey = "k8Jd93hfLq0ZmX7vB2nC4xR6tY1uI5oP";

    public const string ClientSecret = "Qm9v~Xr8.Lp2_Zs5Tk7Nw4Yc1Hb6Jd3Ge";

    public const string Password = "Tr0ub4dor&3xyz";
}
