namespace HomeLab.Manifests.Rendering;

/// <summary>Reads JSON pointers (RFC 6901) as used by JSON patches: <c>/spec/template/metadata/labels/app~1name</c>.</summary>
internal static class JsonPointer
{
    public static IReadOnlyList<string> Split(string pointer) =>
        pointer.TrimStart('/').Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
}
