namespace HomeLab.Targets;

/// <summary>What a running target can tell the build: findings at locations and notes for the summary.</summary>
public sealed class TargetContext
{
    private readonly BuildOutput output;
    private readonly List<string> notes = [];
    private readonly object gate = new();
    private int errors;
    private int warnings;

    internal TargetContext(string name, BuildOutput output)
    {
        Name = name;
        this.output = output;
    }

    /// <summary>The target's name.</summary>
    public string Name { get; }

    /// <summary>The number of errors reported so far; any error fails the target when its actions end.</summary>
    public int ErrorCount => Volatile.Read(ref errors);

    /// <summary>The number of warnings reported so far.</summary>
    public int WarningCount => Volatile.Read(ref warnings);

    /// <summary>The notes shown beside the target in the summary table.</summary>
    public IReadOnlyList<string> Notes
    {
        get
        {
            lock (gate)
            {
                return [.. notes];
            }
        }
    }

    /// <summary>Reports a finding; it is printed now and, on CI, becomes an annotation.</summary>
    /// <param name="annotation">The finding.</param>
    public void Report(BuildAnnotation annotation) => Report(annotation, print: true);

    /// <summary>
    /// Reports a finding: it counts (an error fails the target) and, on CI, becomes an annotation; with
    /// <paramref name="print"/> false the target prints findings itself (for example grouped by file with source lines).
    /// </summary>
    /// <param name="annotation">The finding.</param>
    /// <param name="print">Whether to print the finding's one-line form.</param>
    public void Report(BuildAnnotation annotation, bool print)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        switch (annotation.Severity)
        {
            case AnnotationSeverity.Error:
                Interlocked.Increment(ref errors);
                break;
            case AnnotationSeverity.Warning:
                Interlocked.Increment(ref warnings);
                break;
            case AnnotationSeverity.Notice:
                break;
        }

        output.Annotate(annotation, print);
    }

    /// <summary>Adds a short note to the summary table, for example <c>42 objects</c>.</summary>
    /// <param name="note">The note.</param>
    public void AddNote(string note)
    {
        lock (gate)
        {
            notes.Add(note);
        }
    }

    /// <summary>Writes a line of normal output (secrets masked).</summary>
    /// <param name="line">The line.</param>
    public void Info(string line) => output.Info(line);

    /// <summary>Writes a line shown only with <c>--verbosity verbose</c>.</summary>
    /// <param name="line">The line.</param>
    public void Verbose(string line) => output.Verbose(line);
}
