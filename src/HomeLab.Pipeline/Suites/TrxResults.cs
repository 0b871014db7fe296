using System.Xml;
using System.Xml.Linq;

namespace HomeLab.Pipeline.Suites;

/// <summary>
/// Reads the results <c>dotnet test --logger trx</c> wrote (Visual Studio's TRX format), so the C# suites that ran in
/// a child <c>dotnet test</c> count in the summary like the ones the build runs itself.
/// </summary>
public static class TrxResults
{
    private static readonly XNamespace TeamTest = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Reads one TRX file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>One outcome per test result, in the file's order; a test that was not executed is a skip.</returns>
    /// <exception cref="InvalidDataException">The file is not a TRX file.</exception>
    public static IReadOnlyList<SuiteOutcome> Read(string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path);
        }
        catch (XmlException exception)
        {
            throw new InvalidDataException($"{path}:{exception.LineNumber}: not a TRX file ({exception.Message})", exception);
        }

        if (document.Root?.Name != TeamTest + "TestRun")
        {
            throw new InvalidDataException($"{path}: not a TRX file (its root is {document.Root?.Name.LocalName ?? "missing"}, not TestRun)");
        }

        return [.. document.Root.Descendants(TeamTest + "UnitTestResult").Select(Outcome)];
    }

    private static SuiteOutcome Outcome(XElement result)
    {
        var name = (string?)result.Attribute("testName") ?? "(unnamed)";
        var message = result.Element(TeamTest + "Output")?.Element(TeamTest + "ErrorInfo")?.Element(TeamTest + "Message")?.Value.Trim();
        return (string?)result.Attribute("outcome") switch
        {
            "Passed" => new SuiteOutcome(name, true, null, null),
            "NotExecuted" or "Inconclusive" or "Pending" => new SuiteOutcome(name, false, null, string.IsNullOrEmpty(message) ? "not executed" : message),
            _ => new SuiteOutcome(name, false, string.IsNullOrEmpty(message) ? "failed" : message, null),
        };
    }
}
