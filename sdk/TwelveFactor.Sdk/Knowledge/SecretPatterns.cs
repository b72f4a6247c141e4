using System.Text.RegularExpressions;

namespace TwelveFactor.Sdk.Knowledge;

/// <summary>
/// A kind of secret recognised by its shape alone, wherever it is written. The group named "secret" is the
/// credential itself; <see cref="PublicPrefix"/> is the part that may be shown, because it names the kind
/// rather than the credential. <see cref="Trigger"/> is text every match contains, looked for before the
/// regex runs: most values contain none of them. <see cref="IssuedByTheServiceItOpens"/>: a token the service it
/// is sent to issued (a JWT), rather than one a provider issued for its own API.
/// </summary>
public sealed record SecretPattern(string Kind, Regex Regex, string PublicPrefix = "", string? Trigger = null, bool IssuedByTheServiceItOpens = false);

/// <summary>Tokens and keys of well-known services, cloud providers and protocols.</summary>
public static partial class SecretPatterns
{
    public static IReadOnlyList<SecretPattern> All { get; } = new[]
    {
        new SecretPattern("AWS access key id", AwsAccessKeyId(), "AKIA", Trigger: "A"),
        new SecretPattern("Azure storage account key", AzureStorageAccountKey(), Trigger: "AccountKey="),
        new SecretPattern("Azure shared access key", AzureSharedAccessKey(), Trigger: "SharedAccessKey="),
        new SecretPattern("Azure shared access signature", AzureSharedAccessSignature(), Trigger: "sig="),
        new SecretPattern("Google API key", GoogleApiKey(), "AIza", Trigger: "AIza"),
        new SecretPattern("GitHub token", GitHubToken(), "gh", Trigger: "_"),
        new SecretPattern("GitHub token", GitHubFineGrainedToken(), "github_pat_", Trigger: "github_pat_"),
        new SecretPattern("GitLab token", GitLabToken(), "glpat-", Trigger: "glpat-"),
        new SecretPattern("Slack token", SlackToken(), "xox", Trigger: "xox"),
        new SecretPattern("Slack webhook URL", SlackWebhook(), Trigger: "hooks.slack.com"),
        new SecretPattern("Stripe secret key", StripeSecretKey(), "sk_live_", Trigger: "_live_"),
        new SecretPattern("SendGrid API key", SendGridApiKey(), "SG.", Trigger: "SG."),
        new SecretPattern("npm token", NpmToken(), "npm_", Trigger: "npm_"),
        new SecretPattern("NuGet API key", NuGetApiKey(), "oy2", Trigger: "oy2"),
        new SecretPattern("OpenAI API key", OpenAiApiKey(), "sk-", Trigger: "T3BlbkFJ"),
        new SecretPattern("Anthropic API key", AnthropicApiKey(), "sk-ant-", Trigger: "sk-ant-"),
        new SecretPattern("Shopify token", ShopifyToken(), "shp", Trigger: "shp"),
        new SecretPattern("Mailchimp API key", MailchimpApiKey(), Trigger: "-us"),
        new SecretPattern("Linear API key", LinearApiKey(), "lin_api_", Trigger: "lin_api_"),
        new SecretPattern("1Password service account token", OnePasswordToken(), "ops_", Trigger: "ops_eyJ"),
        new SecretPattern("JSON web token", JsonWebToken(), "eyJ", Trigger: "eyJ", IssuedByTheServiceItOpens: true),
    };

    /// <summary>scheme://user:password@host: the password group is the secret.</summary>
    public static Regex UrlCredentials { get; } =
        UrlCredentialsPattern();

    /// <summary>A connection string names its server, database or user next to the password.</summary>
    public static IReadOnlySet<string> ConnectionStringShapeKeys { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "server", "host", "data source", "datasource", "address", "addr", "user id", "userid", "uid", "user", "username",
        "database", "initial catalog", "endpoint",
    };

    [GeneratedRegex(@"(?<![A-Z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|A3T[A-Z0-9])[A-Z0-9]{16})(?![A-Z0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AzureStorageAccountKey();

    [GeneratedRegex(@"SharedAccessKey=(?<secret>[A-Za-z0-9+/]{42,44}=)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AzureSharedAccessKey();

    [GeneratedRegex(@"[?&;]sig=(?<secret>[A-Za-z0-9%+/=]{40,})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AzureSharedAccessSignature();

    [GeneratedRegex(@"(?<secret>AIza[0-9A-Za-z\-_]{35})(?![0-9A-Za-z\-_])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex GoogleApiKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<secret>gh[pousr]_[A-Za-z0-9]{36,255})(?![A-Za-z0-9_])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"(?<secret>github_pat_[A-Za-z0-9_]{80,})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex GitHubFineGrainedToken();

    [GeneratedRegex(@"(?<secret>glpat-[A-Za-z0-9\-_]{20,})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex GitLabToken();

    [GeneratedRegex(@"(?<secret>xox[abposr]-(?:[0-9]+-)?[0-9A-Za-z\-]{10,})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"https://hooks\.slack\.com/services/(?<secret>T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]{16,})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SlackWebhook();

    [GeneratedRegex(@"(?<secret>(?:sk|rk)_live_[0-9A-Za-z]{20,})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex StripeSecretKey();

    [GeneratedRegex(@"(?<secret>SG\.[\w\-]{22}\.[\w\-]{43})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SendGridApiKey();

    [GeneratedRegex(@"(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex NpmToken();

    [GeneratedRegex(@"(?<![a-z0-9])(?<secret>oy2[a-z0-9]{43})(?![a-z0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex NuGetApiKey();

    [GeneratedRegex(@"(?<secret>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,}T3BlbkFJ[A-Za-z0-9_\-]{20,})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex OpenAiApiKey();

    [GeneratedRegex(@"(?<secret>sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_\-]{80,})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AnthropicApiKey();

    [GeneratedRegex(@"(?<secret>shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ShopifyToken();

    [GeneratedRegex(@"(?<![0-9a-f])(?<secret>[0-9a-f]{32}-us[0-9]{1,2})(?![0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex MailchimpApiKey();

    [GeneratedRegex(@"(?<secret>lin_api_[A-Za-z0-9]{40})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex LinearApiKey();

    [GeneratedRegex(@"(?<secret>ops_eyJ[A-Za-z0-9+/=_\-]{100,})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex OnePasswordToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])(?<secret>eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{16,})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex JsonWebToken();

    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9+.\-]{1,30}://(?<user>[^:/@\s""'<>]+):(?<secret>[^/\s""'<>]+)@[^\s""'/@]+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex UrlCredentialsPattern();
}
