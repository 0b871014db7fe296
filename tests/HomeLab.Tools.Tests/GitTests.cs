namespace HomeLab.Tools.Tests;

public sealed class GitTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("homelab-git-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<Git> RepositoryAsync()
    {
        var git = InstalledTools.Git().WithWorkingDirectory(_root)
            .WithEnvironmentVariable("GIT_AUTHOR_NAME", "test").WithEnvironmentVariable("GIT_AUTHOR_EMAIL", "test@example.net")
            .WithEnvironmentVariable("GIT_COMMITTER_NAME", "test").WithEnvironmentVariable("GIT_COMMITTER_EMAIL", "test@example.net");
        (await git.ExecuteAsync(["init", "--quiet", "--initial-branch", "main"])).EnsureSuccess();
        File.WriteAllText(Path.Combine(_root, "a.yaml"), "a: 1\n");
        (await git.ExecuteAsync(["add", "a.yaml"])).EnsureSuccess();
        (await git.ExecuteAsync(["commit", "--quiet", "-m", "first"])).EnsureSuccess();
        return git;
    }

    [SkippableFact]
    public async Task The_head_commit_and_branch_of_a_repository_are_read()
    {
        var git = await RepositoryAsync();

        (await git.HeadCommitAsync()).Should().MatchRegex("^[0-9a-f]{40}$");
        (await git.CurrentBranchAsync()).Should().Be("main");
    }

    [SkippableFact]
    public async Task A_detached_head_has_no_branch()
    {
        var git = await RepositoryAsync();
        (await git.ExecuteAsync(["checkout", "--quiet", "--detach"])).EnsureSuccess();

        (await git.CurrentBranchAsync()).Should().BeNull();
    }

    [SkippableFact]
    public async Task Changed_and_untracked_files_are_listed()
    {
        var git = await RepositoryAsync();
        File.WriteAllText(Path.Combine(_root, "a.yaml"), "a: 2\n");
        File.WriteAllText(Path.Combine(_root, "new file.yaml"), "b: 1\n");

        (await git.ChangedFilesAsync()).Should().BeEquivalentTo("a.yaml", "new file.yaml");
    }

    [SkippableFact]
    public async Task Outside_a_repository_a_query_fails_with_gits_own_message()
    {
        var git = InstalledTools.Git().WithWorkingDirectory(_root).WithEnvironmentVariable("GIT_CEILING_DIRECTORIES", Path.GetDirectoryName(_root));

        var head = () => git.HeadCommitAsync();

        (await head.Should().ThrowAsync<ToolFailedException>()).Which.Message.Should().Contain("not a git repository");
    }

    [Fact]
    public void A_rename_in_the_status_reports_its_new_path_only()
    {
        Git.ParseStatus("R  new.yaml\0old.yaml\0 M b.yaml\0?? c d.yaml\0").Should().Equal("new.yaml", "b.yaml", "c d.yaml");
    }

    [Fact]
    public void Git_never_waits_for_a_password_prompt()
    {
        new Git("/usr/bin/git").EnvironmentVariables.Should().Contain("GIT_TERMINAL_PROMPT", "0");
    }
}
