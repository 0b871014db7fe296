using System.Text;

namespace HomeLab.Targets;

/// <summary>
/// A writer that masks secrets line by line before passing text on, so output written with
/// <see cref="Console"/> inside a target is masked too.
/// </summary>
public sealed class MaskingTextWriter : TextWriter
{
    private readonly TextWriter inner;
    private readonly SecretMasker masker;
    private readonly StringBuilder pending = new();
    private readonly object gate = new();

    /// <summary>Creates the writer.</summary>
    /// <param name="inner">Where masked text goes.</param>
    /// <param name="masker">The secrets to mask.</param>
    public MaskingTextWriter(TextWriter inner, SecretMasker masker)
    {
        this.inner = inner;
        this.masker = masker;
    }

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value)
    {
        lock (gate)
        {
            pending.Append(value);
            if (value == '\n')
            {
                FlushPending();
            }
        }
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        lock (gate)
        {
            pending.Append(value);
            if (value.Contains('\n', StringComparison.Ordinal))
            {
                FlushPending();
            }
        }
    }

    /// <inheritdoc />
    public override void WriteLine(string? value)
    {
        lock (gate)
        {
            pending.Append(value).Append('\n');
            FlushPending();
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
        lock (gate)
        {
            FlushPending();
            inner.Flush();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void FlushPending()
    {
        if (pending.Length == 0)
        {
            return;
        }

        inner.Write(masker.Apply(pending.ToString()));
        pending.Clear();
    }
}
