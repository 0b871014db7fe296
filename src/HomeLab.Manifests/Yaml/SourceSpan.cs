namespace HomeLab.Manifests.Yaml;

/// <summary>
/// Where a piece of YAML came from: a file and a 1-based range of lines and columns.
/// The end is exclusive (the position just after the last character).
/// </summary>
/// <param name="File">The file path or display name the text was loaded from.</param>
/// <param name="Line">The 1-based line the range starts on; 0 when unknown.</param>
/// <param name="Column">The 1-based column the range starts at; 0 when unknown.</param>
/// <param name="EndLine">The 1-based line the range ends on.</param>
/// <param name="EndColumn">The 1-based column just after the range's last character.</param>
public readonly record struct SourceSpan(string File, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>A span that points nowhere: for nodes built in code.</summary>
    public static SourceSpan None { get; } = new(string.Empty, 0, 0, 0, 0);

    /// <summary>
    /// For a position that stands for an object of a packaged chart (whose templates are not in the repository): the
    /// chart and the template file that wrote it, such as <c>chart loki 6.45.1, templates/single-binary/statefulset.yaml</c>;
    /// null otherwise.
    /// </summary>
    public string? Template { get; init; }

    /// <summary>Whether this span points at a real position in a file.</summary>
    public bool IsKnown => Line > 0;

    /// <summary>A span covering a single position.</summary>
    /// <param name="file">The file path or display name.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column.</param>
    /// <returns>The span.</returns>
    public static SourceSpan At(string file, int line, int column) => new(file, line, column, line, column);

    /// <summary>Renders the span as <c>file:line:col</c>, or only the file (or <c>&lt;unknown&gt;</c>) when there is no
    /// position; followed by <c>(chart …, templates/…)</c> when it stands for a packaged chart's template.</summary>
    /// <returns>The rendered position.</returns>
    public override string ToString()
    {
        var file = string.IsNullOrEmpty(File) ? "<unknown>" : File;
        var at = IsKnown ? $"{file}:{Line}:{Column}" : file;
        return Template is null ? at : $"{at} ({Template})";
    }
}
