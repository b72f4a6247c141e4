using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace TwelveFactor.Sdk.Analyzers;

/// <summary>
/// Facts about the whole compilation that a per-file rule needs, computed once on first use from the source
/// text only (cheap): whether any file registers a distributed cache backed by a service.
/// </summary>
internal sealed class CompilationFacts
{
    private static readonly Regex ServiceBackedCache = new Regex(
        @"\bAdd(StackExchangeRedisCache|DistributedRedisCache|DistributedSqlServerCache|DistributedPostgreSqlCache|DistributedMySqlCache|CosmosCache|DistributedCosmosCache|MongoDbCache|NCacheDistributedCache|DistributedGarnetCache|\w+RedisCache)\s*\(",
        RegexOptions.CultureInvariant, AnalyzerRegex.Timeout);

    private readonly Lazy<bool> _hasServiceBackedCache;

    public CompilationFacts(Compilation compilation, CancellationToken cancellationToken)
    {
        _hasServiceBackedCache = new Lazy<bool>(() => compilation.SyntaxTrees.Any(tree =>
            ServiceBackedCache.IsMatch(tree.GetText(cancellationToken).ToString())));
    }

    public bool HasServiceBackedCache => _hasServiceBackedCache.Value;
}
