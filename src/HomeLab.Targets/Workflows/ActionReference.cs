namespace HomeLab.Targets.Workflows;

/// <summary>
/// A third-party action pinned to a full commit: <c>owner/repo[/path]@sha # version</c>. A tag can be moved by
/// whoever owns the repository; a commit cannot, so workflows name the commit and keep the tag as a comment.
/// </summary>
/// <param name="Name">The action, as <c>owner/repo</c> or <c>owner/repo/path</c>.</param>
/// <param name="Commit">The full 40-hex commit the version's tag points at.</param>
/// <param name="Version">The version the commit is (shown as a comment beside it).</param>
public sealed record ActionReference(string Name, string Commit, string Version)
{
    /// <summary>Whether <see cref="Commit"/> is a full commit SHA (40 lower-case hex digits) and a version is named.</summary>
    public bool IsPinned =>
        Commit.Length == 40 && Commit.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')) && Version.Length > 0;

    /// <summary>What <c>uses:</c> holds, without the version comment.</summary>
    public string Uses => $"{Name}@{Commit}";
}
