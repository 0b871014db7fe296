namespace HomeLab.Testing;

/// <summary>A request the fake received.</summary>
internal sealed record RecordedApiRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string? ContentType, string Body);
