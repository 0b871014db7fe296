using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using HomeLab.Cluster.Tests.Secrets;
using HomeLab.Testing;
using HomeLab.Tools.Downloads;

namespace HomeLab.Cluster.Tests.Downloads;

/// <summary>The pinned, checksum-verified download of a tool, against a loopback release server.</summary>
public sealed class ToolDownloaderTests : IDisposable
{
    private static readonly byte[] Binary = Encoding.UTF8.GetBytes("#!/bin/sh\necho k3d version v5.8.3\n");
    private readonly TemporaryFolder _tools = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };

    public void Dispose()
    {
        _http.Dispose();
        _tools.Dispose();
    }

    [Fact]
    public async Task The_binary_is_verified_against_the_published_checksum_and_made_executable()
    {
        await using var server = Serve(Checksums(Binary));

        var path = await new ToolDownloader(_http).EnsureAsync(Release(server), _tools.Path, CancellationToken.None);

        File.ReadAllBytes(path).Should().Equal(Binary);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).Should().HaveFlag(UnixFileMode.UserExecute);
        }

        server.Requests.Should().Equal("/v5.8.3/checksums.txt", "/v5.8.3/k3d-linux-amd64");
    }

    [Fact]
    public async Task A_tool_already_fetched_at_the_pinned_version_is_reused_without_a_request()
    {
        await using var server = Serve(Checksums(Binary));
        var downloader = new ToolDownloader(_http);
        await downloader.EnsureAsync(Release(server), _tools.Path, CancellationToken.None);

        await downloader.EnsureAsync(Release(server), _tools.Path, CancellationToken.None);

        server.Requests.Should().HaveCount(2, "the second call found k3d 5.8.3 in place");
    }

    [Fact]
    public async Task A_binary_that_does_not_match_its_checksum_is_discarded()
    {
        await using var server = Serve(Checksums(Encoding.UTF8.GetBytes("something else")));

        var act = () => new ToolDownloader(_http).EnsureAsync(Release(server), _tools.Path, CancellationToken.None);

        (await act.Should().ThrowAsync<ToolDownloadException>()).Which.Message.Should()
            .Contain("has SHA-256 ").And.Contain("but the release publishes").And.Contain("the download was discarded");
        Directory.GetFiles(_tools.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task A_release_that_lists_no_checksum_for_the_platform_is_refused()
    {
        await using var server = Serve($"{new string('a', 64)}  k3d-darwin-arm64\n");

        var act = () => new ToolDownloader(_http).EnsureAsync(Release(server), _tools.Path, CancellationToken.None);

        (await act.Should().ThrowAsync<ToolDownloadException>()).Which.Message.Should().Contain("lists no checksum for k3d-linux-amd64");
    }

    [Fact]
    public async Task An_unreachable_release_is_one_line_saying_where_and_what_to_do()
    {
        var port = LoopbackHttpServer.FreePort();
        var release = new PinnedRelease("k3d", "5.8.3", new Uri($"http://127.0.0.1:{port}/v5.8.3/"), "k3d-linux-amd64", "checksums.txt");

        var act = () => new ToolDownloader(_http).EnsureAsync(release, _tools.Path, CancellationToken.None);

        var message = (await act.Should().ThrowAsync<ToolDownloadException>()).Which.Message;
        message.Should().Be($"cannot download k3d 5.8.3: http://127.0.0.1:{port}/v5.8.3/checksums.txt is unreachable (ConnectionError); hint: install k3d 5.8.3 yourself and put it on PATH or set K3D_EXE");
        message.Should().NotContain("\n");
    }

    [Fact]
    public void The_pinned_k3d_is_a_5_x_release_with_a_platform_binary_and_the_release_checksums()
    {
        var release = Tools.K3d.K3d.PinnedRelease();

        release.Version.Should().StartWith("5.");
        release.AssetAddress.AbsoluteUri.Should().StartWith($"https://github.com/k3d-io/k3d/releases/download/v{release.Version}/k3d-");
        release.ChecksumsAddress.AbsoluteUri.Should().EndWith("/checksums.txt");
    }

    private static string Checksums(byte[] binary) =>
        $"{new string('0', 64)}  k3d-darwin-amd64\n{Convert.ToHexStringLower(SHA256.HashData(binary))}  k3d-linux-amd64\n";

    private static LoopbackReleaseServer Serve(string checksums) => new(new Dictionary<string, byte[]>
    {
        ["checksums.txt"] = Encoding.UTF8.GetBytes(checksums),
        ["k3d-linux-amd64"] = Binary,
    });

    private static PinnedRelease Release(LoopbackReleaseServer server) =>
        new PinnedRelease("k3d", "5.8.3", new Uri("https://example.invalid/"), "k3d-linux-amd64", "checksums.txt")
            .WithBaseAddress(new Uri(server.BaseAddress, "v5.8.3"));
}
