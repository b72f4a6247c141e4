using System.Text.Json;
using System.Text.Json.Serialization;
#if (postgres)
using TfService.Core.Jobs;
#endif

namespace TfService.Web;

/// <summary>JSON contracts, generated at build time: no reflection at start-up.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthStatus))]
#if (postgres)
[JsonSerializable(typeof(JobRequest))]
[JsonSerializable(typeof(Job))]
[JsonSerializable(typeof(ProblemResponse))]
#endif
internal sealed partial class WebJsonContext : JsonSerializerContext;
