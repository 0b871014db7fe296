namespace HomeLab.Cluster.Argo;

/// <summary>An Application the wait expects to see (from the rendered set), so a wave is not declared done before its Applications exist.</summary>
/// <param name="Name">The Application's name.</param>
/// <param name="Wave">Its sync wave.</param>
public sealed record ExpectedApplication(string Name, int Wave);
