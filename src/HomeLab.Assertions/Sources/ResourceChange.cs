using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Sources;

/// <summary>A change a source observed while watching: added, modified or deleted, with the object after it.</summary>
/// <param name="Type">What happened.</param>
/// <param name="Object">The object (for a deletion, its last state).</param>
public sealed record ResourceChange(ResourceChangeType Type, JObject Object);
