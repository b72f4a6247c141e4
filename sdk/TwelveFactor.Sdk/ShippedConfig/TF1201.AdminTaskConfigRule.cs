using System.Text.RegularExpressions;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.ShippedConfig;

/// <summary>
/// TF1201: a switch in a web or worker process's shipped config that runs an admin task when the process
/// starts: migrate-on-start, seed-on-start, create-the-database-on-start. An admin process may do all of these.
/// </summary>
public static class AdminTaskConfigRule
{
    private static readonly Regex AdminTaskSwitch = new(
        @"migrat|seed.*(start|boot|launch)|(start|boot).*seed|^(auto)?seed(data(base)?)?$|ensure.*created|createdatabase(on|at)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    public static IEnumerable<Finding> Check(ShippedConfigFile file, IEnumerable<ConfigEntry> entries, string processType)
    {
        if (processType is not (ProcessTypes.Web or ProcessTypes.Worker))
        {
            yield break;
        }

        foreach (var entry in entries.Where(e => e.IsTrue && AdminTaskSwitch.IsMatch(e.Key)))
        {
            yield return Finding.At(RuleIds.AdminTaskInService, entry.LocationIn(file.Path), entry.Path,
                "The setting '" + entry.Path + "'", processType);
        }
    }
}
