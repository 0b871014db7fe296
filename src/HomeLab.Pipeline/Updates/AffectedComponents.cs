namespace HomeLab.Pipeline.Updates;

/// <summary>
/// The Applications an update affects, in both environments, handed to what runs after <c>VerifyUpdate</c>: a file
/// (one name a line) and, in GitHub Actions, the step output <c>components</c> (space separated), which renovate.yml
/// passes to <c>Test --tag</c> so the live half runs only the tests of those components.
/// </summary>
public static class AffectedComponents
{
    /// <summary>The file, relative to the build's temporary directory.</summary>
    public const string File = "update/affected-components.txt";

    /// <summary>The name of the GitHub Actions step output.</summary>
    public const string Output = "components";

    /// <summary>The affected Application names of both environments, sorted and each once.</summary>
    /// <param name="result">What the verification found.</param>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> Of(UpdateVerificationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Updates.Select(u => u.Application).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The line the step output file gets: <c>components=a b c</c>.</summary>
    /// <param name="components">The names.</param>
    /// <returns>The line, without its line break.</returns>
    public static string OutputLine(IReadOnlyList<string> components) => $"{Output}={string.Join(' ', components)}";

    /// <summary>Writes the names to <see cref="File"/> under the temporary directory and, when <c>GITHUB_OUTPUT</c> names a file, appends the step output to it.</summary>
    /// <param name="components">The names.</param>
    /// <param name="temporaryDirectory">The build's temporary directory (<c>.nuke/temp</c>).</param>
    /// <param name="environment">The build's environment variables.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>The file written.</returns>
    public static async Task<string> WriteAsync(IReadOnlyList<string> components, string temporaryDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(environment);
        var file = Path.Combine(temporaryDirectory, File);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await System.IO.File.WriteAllTextAsync(file, string.Concat(components.Select(c => c + "\n")), cancellationToken).ConfigureAwait(false);
        if (environment.GetValueOrDefault("GITHUB_OUTPUT") is { Length: > 0 } output)
        {
            await System.IO.File.AppendAllTextAsync(output, OutputLine(components) + "\n", cancellationToken).ConfigureAwait(false);
        }

        return file;
    }
}
