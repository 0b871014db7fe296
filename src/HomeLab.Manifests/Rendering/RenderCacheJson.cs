using System.Text.Json.Serialization;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Rendering;

/// <summary>The JSON of what a render cache entry keeps beside the trees: spans, findings, notes, tool versions.
/// Generated at compile time, so a field added to one of these types is written and read with no change here.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SourceSpan[]))]
[JsonSerializable(typeof(Finding[]))]
[JsonSerializable(typeof(SpanNote[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class RenderCacheJson : JsonSerializerContext
{
}
