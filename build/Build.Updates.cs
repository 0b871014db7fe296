using HomeLab.Pipeline.Updates;
using HomeLab.Targets;

/// <summary>Renovate's PRs proved offline: VerifyUpdate (the component) compares the checkout with --base.</summary>
partial class Build : IVerifyUpdate
{
    [Parameter("VerifyUpdate: the git revision to compare the checkout with.", Name = "base")]
    readonly string UpdateBase = "origin/main";

    string IVerifyUpdate.UpdateBase => UpdateBase;

    bool IVerifyUpdate.UpdateAllowsNetwork => !Offline;
}
