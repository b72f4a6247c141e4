using System.Text.RegularExpressions;

namespace TwelveFactor.Sdk.Config;

/// <summary>
/// A kind of secret recognised by its shape alone, wherever it is written. The group named "secret" is the
/// credential itself (the whole match when absent); <see cref="PublicPrefix"/> is the part that may be shown,
/// because it names the kind rather than the credential.
/// </summary>
public sealed record SecretPattern(string Kind, Regex Regex, string PublicPrefix = "", string? Trigger = null)
{
    /// <summary>Text every match contains, checked before the regex runs: most values contain none of them.</summary>
    public string? Trigger { get; } = Trigger;
}

/// <summary>Tokens and keys of well-known services, cloud providers and protocols.</summary>
public static class SecretPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static Regex R(string pattern, RegexOptions extra = RegexOptions.None) => new(pattern, Options | extra);

    public static IReadOnlyList<SecretPattern> All { get; } = new[]
    {
        new SecretPattern("AWS access key id", R(@"(?<![A-Z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|A3T[A-Z0-9])[A-Z0-9]{16})(?![A-Z0-9])"), "AKIA", Trigger: "A"),
        new SecretPattern("Azure storage account key", R(@"AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)"), Trigger: "AccountKey="),
        new SecretPattern("Azure shared access key", R(@"SharedAccessKey=(?<secret>[A-Za-z0-9+/]{42,44}=)"), Trigger: "SharedAccessKey="),
        new SecretPattern("Azure shared access signature", R(@"[?&;]sig=(?<secret>[A-Za-z0-9%+/=]{40,})"), Trigger: "sig="),
        new SecretPattern("Google API key", R(@"(?<secret>AIza[0-9A-Za-z\-_]{35})(?![0-9A-Za-z\-_])"), "AIza", Trigger: "AIza"),
        new SecretPattern("GitHub token", R(@"(?<![A-Za-z0-9_])(?<secret>gh[pousr]_[A-Za-z0-9]{36,255})(?![A-Za-z0-9_])"), "gh", Trigger: "_"),
        new SecretPattern("GitHub token", R(@"(?<secret>github_pat_[A-Za-z0-9_]{80,})"), "github_pat_", Trigger: "github_pat_"),
        new SecretPattern("GitLab token", R(@"(?<secret>glpat-[A-Za-z0-9\-_]{20,})"), "glpat-", Trigger: "glpat-"),
        new SecretPattern("Slack token", R(@"(?<secret>xox[abposr]-(?:[0-9]+-)?[0-9A-Za-z\-]{10,})"), "xox", Trigger: "xox"),
        new SecretPattern("Slack webhook URL", R(@"https://hooks\.slack\.com/services/(?<secret>T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]{16,})"), Trigger: "hooks.slack.com"),
        new SecretPattern("Stripe secret key", R(@"(?<secret>(?:sk|rk)_live_[0-9A-Za-z]{20,})"), "sk_live_", Trigger: "_live_"),
        new SecretPattern("SendGrid API key", R(@"(?<secret>SG\.[\w\-]{22}\.[\w\-]{43})"), "SG.", Trigger: "SG."),
        new SecretPattern("npm token", R(@"(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])"), "npm_", Trigger: "npm_"),
        new SecretPattern("NuGet API key", R(@"(?<![a-z0-9])(?<secret>oy2[a-z0-9]{43})(?![a-z0-9])"), "oy2", Trigger: "oy2"),
        new SecretPattern("OpenAI API key", R(@"(?<secret>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,}T3BlbkFJ[A-Za-z0-9_\-]{20,})"), "sk-", Trigger: "T3BlbkFJ"),
        new SecretPattern("Anthropic API key", R(@"(?<secret>sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_\-]{80,})"), "sk-ant-", Trigger: "sk-ant-"),
        new SecretPattern("Shopify token", R(@"(?<secret>shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})"), "shp", Trigger: "shp"),
        new SecretPattern("Mailchimp API key", R(@"(?<![0-9a-f])(?<secret>[0-9a-f]{32}-us[0-9]{1,2})(?![0-9])"), Trigger: "-us"),
        new SecretPattern("Linear API key", R(@"(?<secret>lin_api_[A-Za-z0-9]{40})"), "lin_api_", Trigger: "lin_api_"),
        new SecretPattern("1Password service account token", R(@"(?<secret>ops_eyJ[A-Za-z0-9+/=_\-]{100,})"), "ops_", Trigger: "ops_eyJ"),
        new SecretPattern("JSON web token", R(@"(?<![A-Za-z0-9_\-])(?<secret>eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{16,})"), "eyJ", Trigger: "eyJ"),
    };

    /// <summary>scheme://user:password@host: the password group is the secret.</summary>
    public static Regex UrlCredentials { get; } =
        R(@"\b[A-Za-z][A-Za-z0-9+.\-]{1,30}://(?<user>[^:/@\s""'<>]+):(?<secret>[^@/\s""'<>]+)@[^\s""'/]+");

    /// <summary>Password=...; in an ADO.NET-style connection string.</summary>
    public static Regex ConnectionStringPassword { get; } =
        R(@"(?:^|;)\s*(?:password|pwd)\s*=\s*(?:'(?<secret>[^']*)'|""(?<secret>[^""]*)""|(?<secret>[^;]*))", RegexOptions.IgnoreCase);

    /// <summary>A connection string names its server, database or user next to the password.</summary>
    public static Regex ConnectionStringShape { get; } =
        R(@"(?:^|;)\s*(?:server|host|data source|datasource|address|addr|user id|userid|uid|user|username|database|initial catalog|endpoint)\s*=", RegexOptions.IgnoreCase);
}
