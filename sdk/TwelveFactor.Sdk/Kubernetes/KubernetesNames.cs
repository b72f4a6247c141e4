using System.Text;

namespace TwelveFactor.Sdk.Kubernetes;

/// <summary>Names Kubernetes accepts for objects and labels (RFC 1123 labels: a-z, 0-9, '-', at most 63 characters).</summary>
public static class KubernetesNames
{
    public const int MaxLength = 63;

    /// <summary>The text as a DNS label: lower case, other characters as '-', no leading or trailing '-', cut to 63.</summary>
    public static string ToLabel(string text)
    {
        var name = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var kept = char.IsAsciiLetterOrDigit(c) ? c : '-';
            if (kept == '-' && (name.Length == 0 || name[^1] == '-'))
            {
                continue;
            }

            name.Append(kept);
        }

        var label = name.ToString();
        if (label.Length > MaxLength)
        {
            label = label[..MaxLength];
        }

        return label.Trim('-');
    }

    /// <summary>Parts joined with '-', as one DNS label.</summary>
    public static string Join(params string[] parts) => ToLabel(string.Join("-", parts.Where(p => p.Length > 0)));

    /// <summary>
    /// The service a project belongs to, from its assembly name: 'Orders.Web' with process type web is 'orders'; a
    /// name that does not end in the process type is kept whole.
    /// </summary>
    public static string ServiceOf(string assemblyName, string processType)
    {
        var name = assemblyName;
        var suffix = "." + processType;
        if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^suffix.Length];
        }

        return ToLabel(name);
    }

    /// <summary>A label value (at most 63 characters of A-Z, a-z, 0-9, '-', '_', '.', beginning and ending alphanumeric).</summary>
    public static string ToLabelValue(string text)
    {
        var value = new string(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
        if (value.Length > MaxLength)
        {
            value = value[..MaxLength];
        }

        return value.Trim('-', '_', '.');
    }
}
