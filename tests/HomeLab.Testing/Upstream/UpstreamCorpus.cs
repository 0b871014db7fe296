using HomeLab.Tools;

namespace HomeLab.Testing.Upstream;

/// <summary>
/// The real output of the upstream charts the homelab pins (rendered with its values), their default values and CRDs:
/// data beside the repository at <c>../shared/upstream/</c>, read in place and never copied in (its README says
/// what went in). Tests that need it skip with <see cref="MissingReason"/> where it is absent.
/// </summary>
public static class UpstreamCorpus
{
    /// <summary>The repository root.</summary>
    public static string RepositoryRoot { get; } = Tools.RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("the tests run inside the repository");

    /// <summary>The corpus directory.</summary>
    public static string Directory { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "upstream"));

    /// <summary>Why a test cannot use the corpus; null when it is there.</summary>
    public static string? MissingReason =>
        System.IO.Directory.Exists(Path.Combine(Directory, "rendered"))
            ? null
            : $"the real upstream chart output is not at {Directory} (it sits beside the repository on the project's machines)";

    /// <summary>The directory of an environment's recorded chart output, one <c>&lt;application&gt;.yaml</c> per Application.</summary>
    /// <param name="environment">k3d or k3s.</param>
    public static string Rendered(string environment) => Path.Combine(Directory, "rendered", environment);

    /// <summary>One Application's recorded chart output.</summary>
    /// <param name="environment">k3d or k3s.</param>
    /// <param name="application">The Application's name.</param>
    public static string RenderedFile(string environment, string application) => Path.Combine(Rendered(environment), application + ".yaml");
}
