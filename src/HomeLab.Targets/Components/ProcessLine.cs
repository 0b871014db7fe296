namespace HomeLab.Targets.Components;

/// <summary>A line a child process wrote.</summary>
/// <param name="Text">The line.</param>
/// <param name="IsError">Whether it came from standard error.</param>
public readonly record struct ProcessLine(string Text, bool IsError);
