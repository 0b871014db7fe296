using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Operations;

/// <summary>What a write to a cluster returned.</summary>
/// <param name="Object">The object as the cluster stored it.</param>
/// <param name="Created">Whether the write created the object (the runner then deletes it at clean-up).</param>
public sealed record ClusterWriteResult(JObject Object, bool Created);
