namespace HomeLab.Tools.Downloads;

/// <summary>
/// A tool release pinned by version: where its platform binary and the release's published checksum file live.
/// Immutable; <see cref="WithBaseAddress"/> points it at a mirror (or a loopback server in tests).
/// </summary>
/// <param name="ToolName">The tool, also the file name it gets in <c>.nuke/tools</c>.</param>
/// <param name="Version">The pinned version, e.g. <c>5.8.3</c>.</param>
/// <param name="BaseAddress">The release's download directory, with a trailing slash.</param>
/// <param name="AssetName">The platform binary's file name in the release, e.g. <c>k3d-linux-amd64</c>.</param>
/// <param name="ChecksumsName">The release's checksum file (<c>sha256  file</c> lines), e.g. <c>checksums.txt</c>.</param>
public sealed record PinnedRelease(string ToolName, string Version, Uri BaseAddress, string AssetName, string ChecksumsName)
{
    /// <summary>The binary's address.</summary>
    public Uri AssetAddress => new(BaseAddress, AssetName);

    /// <summary>The checksum file's address.</summary>
    public Uri ChecksumsAddress => new(BaseAddress, ChecksumsName);

    /// <summary>A copy that downloads from another directory holding the same files.</summary>
    /// <param name="baseAddress">The directory's address.</param>
    /// <returns>The new release.</returns>
    public PinnedRelease WithBaseAddress(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        return this with { BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/") };
    }

    /// <summary>The Go-style platform of this machine: <c>linux-amd64</c>, <c>darwin-arm64</c>, <c>windows-amd64</c>.</summary>
    /// <returns>The platform.</returns>
    /// <exception cref="PlatformNotSupportedException">No release is built for this operating system or processor.</exception>
    public static string CurrentPlatform()
    {
        var os = OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsWindows() ? "windows"
            : throw new PlatformNotSupportedException("no pinned tool release for this operating system");
        var arch = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
        {
            System.Runtime.InteropServices.Architecture.X64 => "amd64",
            System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
            var other => throw new PlatformNotSupportedException($"no pinned tool release for {other} processors"),
        };
        return $"{os}-{arch}";
    }
}
