namespace HomeLab.Targets.Workflows;

/// <summary>One step of a job: a pinned action, a build invocation, or the artifact upload the generator fills in.</summary>
public sealed record WorkflowStep
{
    private WorkflowStep(string name) => Name = name;

    /// <summary>What the step is called in the run's log.</summary>
    public string Name { get; }

    /// <summary>The step's id, when later steps read its outputs.</summary>
    public string? Id { get; init; }

    /// <summary>The condition (<c>if:</c>), for example <c>always()</c>.</summary>
    public string? Condition { get; init; }

    /// <summary>The pinned action, for an action step.</summary>
    public ActionReference? Action { get; init; }

    /// <summary>The action's inputs, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Inputs { get; init; } = [];

    /// <summary>The build invocation, for a build step.</summary>
    public BuildInvocation? Build { get; init; }

    /// <summary>Environment variables of the step, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; } = [];

    /// <summary>For the upload placeholder: the artifact's name; its paths are the <c>Produces</c> globs of the job's targets.</summary>
    public string? ProducedArtifact { get; init; }

    /// <summary>A step that runs a pinned action.</summary>
    /// <param name="name">The step's name.</param>
    /// <param name="action">The action.</param>
    /// <param name="inputs">Its inputs (<c>with:</c>), in order.</param>
    /// <returns>The step.</returns>
    public static WorkflowStep Uses(string name, ActionReference action, params (string Key, string Value)[] inputs) =>
        new(name) { Action = action, Inputs = [.. inputs.Select(i => KeyValuePair.Create(i.Key, i.Value))] };

    /// <summary>A step that runs <c>./build.sh</c>.</summary>
    /// <param name="name">The step's name.</param>
    /// <param name="targets">The targets.</param>
    /// <param name="arguments">Options and values after the targets.</param>
    /// <returns>The step.</returns>
    public static WorkflowStep Run(string name, IReadOnlyList<string> targets, params string[] arguments) =>
        new(name) { Build = new BuildInvocation(targets, arguments) };

    /// <summary>
    /// Uploads what the job's targets produce: the generator replaces it with an upload-artifact step whose paths
    /// are the <c>Produces</c> globs of every target the job's build steps plan (dependencies included), or drops it
    /// when they produce nothing. It always runs, so a failed run still keeps its results.
    /// </summary>
    /// <param name="artifactName">The artifact's name.</param>
    /// <returns>The step.</returns>
    public static WorkflowStep UploadProduced(string artifactName) =>
        new("Upload what the targets produced") { ProducedArtifact = artifactName, Condition = "always()" };

    /// <summary>Runs the step only when the condition holds.</summary>
    /// <param name="condition">An expression, for example <c>always()</c>.</param>
    /// <returns>A new step.</returns>
    public WorkflowStep When(string condition) => this with { Condition = condition };

    /// <summary>Names the step so later steps can read its outputs.</summary>
    /// <param name="id">The id.</param>
    /// <returns>A new step.</returns>
    public WorkflowStep WithId(string id) => this with { Id = id };

    /// <summary>Adds an environment variable to the step.</summary>
    /// <param name="name">The variable.</param>
    /// <param name="value">Its value (an expression such as <c>${{ secrets.GITHUB_TOKEN }}</c> is kept as written).</param>
    /// <returns>A new step.</returns>
    public WorkflowStep WithEnvironment(string name, string value) => this with { Environment = [.. Environment, KeyValuePair.Create(name, value)] };
}
