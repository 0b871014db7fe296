using HomeLab.Assertions.Sources;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Cluster;

/// <summary>One step of a watch: the change (null for the initial list) and every matching object after it.</summary>
internal sealed record WatchUpdate(ResourceChange? Change, IReadOnlyList<JObject> Current);
