namespace HomeLab.Assertions.Tests.Cluster;

/// <summary>A request the fake received.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string? ContentType, string Body);
