using Newtonsoft.Json.Linq;

namespace HomeLab.Cluster.Deploy;

/// <summary>One Application of the rendered set, as the promotion plans it: its sync wave and the objects it renders to.</summary>
/// <param name="Name">The Application's name.</param>
/// <param name="Wave">Its sync wave.</param>
/// <param name="Objects">The objects it renders to, as JSON.</param>
public sealed record DesiredApplication(string Name, int Wave, IReadOnlyList<JObject> Objects);
