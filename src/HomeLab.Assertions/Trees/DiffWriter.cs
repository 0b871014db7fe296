using System.Text;

namespace HomeLab.Assertions.Trees;

/// <summary>Writes diff lines: <c>- </c> expected, <c>+ </c> actual, two spaces for equal.</summary>
internal sealed class DiffWriter
{
    private readonly StringBuilder _builder = new();

    public void Same(int indent, string text) => Line("  ", indent, text);

    public void Expected(int indent, string text) => Line("- ", indent, text);

    public void Actual(int indent, string text) => Line("+ ", indent, text);

    public override string ToString() => _builder.ToString();

    private void Line(string marker, int indent, string text) =>
        _builder.Append(marker).Append(' ', indent).Append(text).Append('\n');
}
