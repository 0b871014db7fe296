namespace HomeLab.Cluster.Argo;

/// <summary>How long one wave took to become Synced and Healthy.</summary>
/// <param name="Wave">The wave.</param>
/// <param name="Applications">How many Applications it holds.</param>
/// <param name="Duration">From the previous wave's end (or the start) until its last Application was ready.</param>
public sealed record WaveTiming(int Wave, int Applications, TimeSpan Duration);
