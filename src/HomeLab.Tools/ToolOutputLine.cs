namespace HomeLab.Tools;

/// <summary>A line an external program wrote.</summary>
/// <param name="Text">The line, without its line break.</param>
/// <param name="IsError">Whether it came from standard error.</param>
public readonly record struct ToolOutputLine(string Text, bool IsError);
