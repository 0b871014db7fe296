namespace HomeLab.Tools.Downloads;

/// <summary>A pinned tool could not be downloaded or did not match its published checksum; the message is one line with a hint.</summary>
public sealed class ToolDownloadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ToolDownloadException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, and the hint.</param>
    public ToolDownloadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, and the hint.</param>
    /// <param name="innerException">The cause.</param>
    public ToolDownloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
