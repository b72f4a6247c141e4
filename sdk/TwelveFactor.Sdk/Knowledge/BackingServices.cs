namespace TwelveFactor.Sdk.Knowledge;

/// <summary>
/// How an address of a backing service (database, cache, queue, mail, storage) is written: the URL schemes
/// that name one and the connection-string keys whose value is its host. The one list for the build rules (in
/// shipped config) and the analyzer (in code), which links this file.
/// </summary>
public static class BackingServices
{
    /// <summary>URL schemes that name a backing service.</summary>
    public static readonly IReadOnlyCollection<string> Schemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "postgres", "postgresql", "mysql", "mariadb", "mongodb", "mongodb+srv", "redis", "rediss", "amqp", "amqps",
        "sqlserver", "mssql", "nats", "kafka", "sb", "cassandra", "neo4j", "bolt", "memcached", "smtp", "smtps",
        "ldap", "ldaps", "ftp", "sftp", "s3", "elasticsearch", "couchbase", "couchbases", "rabbitmq", "oracle",
    };

    /// <summary>Connection-string keys whose value is a host (or host list).</summary>
    public static readonly IReadOnlyCollection<string> HostKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "server", "data source", "datasource", "host", "hostname", "host name", "address", "addr", "network address",
        "endpoint", "accountendpoint", "blobendpoint", "queueendpoint", "tableendpoint", "fileendpoint",
        "contact points", "contactpoints", "bootstrap.servers", "bootstrapservers", "hosts", "servers", "url", "uri",
    };

    public static bool IsServiceScheme(string scheme) => Schemes.Contains(scheme);

    public static bool IsHostKey(string key) => HostKeys.Contains(key);
}
