using System.Text;

namespace HomeLab.Cluster.Secrets;

/// <summary>Reads and writes the small text files of sealing, turning I/O failures into user errors.</summary>
internal static class TextFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Reads a file a user named.</summary>
    public static string Read(string path, string what, string hint)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw Unreadable(path, what, hint, ex);
        }
    }

    /// <summary>Reads a file a user named, as bytes.</summary>
    public static byte[] ReadBytes(string path, string what, string hint)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw Unreadable(path, what, hint, ex);
        }
    }

    /// <summary>
    /// Writes <paramref name="content"/> unless the file already holds exactly it; writes through a temporary file in the
    /// same folder so a reader never sees half a file.
    /// </summary>
    /// <returns>Whether the file changed.</returns>
    public static async Task<bool> WriteIfChangedAsync(string path, string content, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        try
        {
            if (File.Exists(full) && await File.ReadAllTextAsync(full, cancellationToken).ConfigureAwait(false) == content)
            {
                return false;
            }

            var folder = Path.GetDirectoryName(full)!;
            Directory.CreateDirectory(folder);
            var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
            try
            {
                await File.WriteAllTextAsync(temporary, content, Utf8NoBom, cancellationToken).ConfigureAwait(false);
                File.Move(temporary, full, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SecretSealingException(
                $"Cannot write '{path}': {ex.Message}",
                "Check that the folder exists and is writable.",
                path,
                innerException: ex);
        }
    }

    private static SecretSealingException Unreadable(string path, string what, string hint, Exception ex)
    {
        var reason = ex switch
        {
            FileNotFoundException or DirectoryNotFoundException => "it does not exist",
            UnauthorizedAccessException => "access is denied",
            _ => ex.Message,
        };
        return new SecretSealingException($"Cannot read the {what} '{path}': {reason}.", hint, path, innerException: ex);
    }
}
