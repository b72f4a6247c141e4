using System.Reflection;
using System.Text.RegularExpressions;

namespace TwelveFactor.Sdk.Testing;

/// <summary>
/// Finds every regular expression an assembly keeps (static fields and properties, and the generated pattern
/// methods) that could backtrack without limit: neither NonBacktracking nor bounded by a timeout.
/// </summary>
public static class RegexBounds
{
    public static IReadOnlyList<string> Unbounded(Assembly assembly)
    {
        const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var unbounded = new List<string>();
        var seen = 0;
        foreach (var type in assembly.GetTypes().Where(t => !t.IsGenericTypeDefinition))
        {
            var regexes = type.GetFields(Static).Where(f => f.FieldType == typeof(Regex)).Select(f => (f.Name, Value: f.GetValue(null) as Regex))
                .Concat(type.GetProperties(Static).Where(p => p.PropertyType == typeof(Regex) && p.GetIndexParameters().Length == 0).Select(p => (p.Name, Value: p.GetValue(null) as Regex)))
                .Concat(type.GetMethods(Static).Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.IsSpecialName).Select(m => (m.Name, Value: m.Invoke(null, null) as Regex)));
            foreach (var (name, regex) in regexes)
            {
                if (regex is null)
                {
                    continue;
                }

                seen++;
                if ((regex.Options & RegexOptions.NonBacktracking) == 0 && regex.MatchTimeout == Regex.InfiniteMatchTimeout)
                {
                    unbounded.Add(type.FullName + "." + name + ": " + regex);
                }
            }
        }

        if (seen == 0)
        {
            throw new InvalidOperationException("no regular expression found in " + assembly.GetName().Name + ": the search is broken");
        }

        return unbounded;
    }
}
