using HomeLab.Targets;
using HomeLab.Tools;

namespace HomeLab.Pipeline.Manifests;

/// <summary>
/// The last step of helm's resolution (parameter, <c>HELM_EXE</c>, PATH, <c>.nuke/tools</c>, then download): on a
/// machine without helm, <c>build/tools/install-helm.sh</c> puts the pinned one into <c>.nuke/tools</c> once.
/// </summary>
/// <param name="rootDirectory">The repository root.</param>
public sealed class HelmBootstrap(AbsolutePath rootDirectory)
{
    /// <summary>The installer, relative to the root.</summary>
    public const string InstallerPath = "build/tools/install-helm.sh";

    /// <summary>Installs the pinned helm when none can be found and the repository has the installer.</summary>
    /// <param name="context">Where progress and a failed install are reported.</param>
    /// <param name="cancellationToken">Stops the install.</param>
    /// <returns>A task.</returns>
    public async Task EnsureAsync(TargetContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var installer = rootDirectory / InstallerPath;
        if (!File.Exists(installer) || IsInstalled())
        {
            return;
        }

        context.Info($"helm is not installed: fetching the pinned version into .nuke/tools ({InstallerPath})");
        var exitCode = await new ExternalProgram("bash").WithWorkingDirectory(rootDirectory)
            .StreamAsync([installer], line => context.Info(line.Text), cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            context.Report(new BuildAnnotation(AnnotationSeverity.Warning, "helm could not be installed; charts will be reported as not rendered. Set HELM_EXE or put helm on PATH.", installer, 1, 1, "render/helm-install"));
        }
    }

    private bool IsInstalled()
    {
        try
        {
            Helm.Locate(null, rootDirectory);
            return true;
        }
        catch (ToolNotFoundException)
        {
            return false;
        }
    }
}
