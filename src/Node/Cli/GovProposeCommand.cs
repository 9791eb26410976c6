using System.CommandLine;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Membership;
using FedChain.Learning.Plans;
using FedChain.Node.Discovery;
using FedChain.Node.Governance;
using FedChain.Node.Identity;
using FedChain.Node.Models;
using FedChain.Node.Plans;

namespace FedChain.Node.Cli;

/// <summary>`fedchain gov propose admit|remove|start-plan|cancel-plan|release|settings`: prints the new proposal's id on stdout.</summary>
internal static class GovProposeCommand
{
    public static Command Build()
    {
        var command = new Command("propose", "Submit a proposal signed with your institution's key; prints its id.");
        command.Subcommands.Add(Admit());
        command.Subcommands.Add(Remove());
        command.Subcommands.Add(StartPlan());
        command.Subcommands.Add(CancelPlan());
        command.Subcommands.Add(Release());
        command.Subcommands.Add(Settings());
        return command;
    }

    private static Command Admit()
    {
        var address = new Option<string>("--address") { Description = "The institution's address (from its `fedchain key new`).", Required = true };
        var name = new Option<string>("--name") { Description = "Its name in the registry.", Required = true };
        var endpoint = new Option<string>("--endpoint") { Description = "host:port its node is reached at (host name or address).", Required = true };
        var role = new Option<string>("--role") { Description = "member (votes, trains) or auditor (reads, holds no vote).", DefaultValueFactory = _ => "member" };
        role.AcceptOnlyFromAmong("member", "auditor");
        return Proposing("admit", "Propose to admit an institution as a member or auditor.", [address, name, endpoint, role], (parse, session) =>
        {
            var account = Address(parse.GetValue(address)!, "--address");
            var at = PeerEndpoint.Parse(parse.GetValue(endpoint)!, "--endpoint");
            var info = new MemberInfo(account, parse.GetValue(role) == "auditor" ? MemberRole.Auditor : MemberRole.Member, parse.GetValue(name)!, $"{at.Host}:{at.Port}");
            return Task.FromResult(Proposals.Admit(session.Addresses, info));
        });
    }

    private static Command Remove()
    {
        var address = new Option<string>("--address") { Description = "The member's address.", Required = true };
        return Proposing("remove", "Propose to remove a member or auditor.", [address], (parse, session) =>
            Task.FromResult(Proposals.Remove(session.Addresses, Address(parse.GetValue(address)!, "--address"))));
    }

    private static Command StartPlan()
    {
        var plan = new Option<FileInfo>("--plan") { Description = "The plan document (from `fedchain plan init`); your node publishes it so members can review it.", Required = true };
        var invite = new Option<string[]>("--invite") { Description = "Members to invite (addresses); default: every current member.", AllowMultipleArgumentsPerToken = true };
        return Proposing("start-plan", "Propose to start a training plan; your node offers the plan document (blob id = plan hash) for review.", [plan, invite], async (parse, session) =>
        {
            var file = parse.GetValue(plan)!;
            if (!file.Exists) throw new FileNotFoundException($"plan file {file.FullName} does not exist", file.FullName);
            var document = TrainingPlan.Parse(await File.ReadAllTextAsync(file.FullName), file.FullName);
            var config = session.Config ?? throw new ArgumentException("start-plan needs --config: your node publishes the plan document so the other members can review it");
            var invited = parse.GetValue(invite) is { Length: > 0 } listed
                ? listed.Select(a => Address(a, "--invite")).ToList()
                : (await session.Consortium.Membership.MembersAsync()).Where(m => m.Role == MemberRole.Member).Select(m => m.Address).ToList();
            var offered = OfferedPlans.Offer(config, document);
            parse.InvocationConfiguration.Error.WriteLine($"plan {document.Hash}: offered by your node from {offered}");
            return PlanProposal.For(session.Addresses, document, invited);
        });
    }

    private static Command CancelPlan()
    {
        var planId = new Option<string>("--plan") { Description = "The enrolling or running plan's id.", Required = true };
        return Proposing("cancel-plan", "Propose to cancel an enrolling or running plan: its nodes stop their work on it, no more rounds open and nothing of it can be released.", [planId],
            async (parse, session) =>
            {
                var id = GovCommand.ParseId(parse.GetValue(planId)!);
                var plan = await session.PlanAsync(id, default);
                if (plan.Status is not (PlanStatus.Enrolling or PlanStatus.Running))
                    throw new GovernanceRefusal($"plan {id} is {plan.Status.ToString().ToLowerInvariant()}: only an enrolling or running plan can be cancelled");
                return Proposals.CancelPlan(session.Addresses, id);
            });
    }

    private static Command Release()
    {
        var planId = new Option<string>("--plan") { Description = "The completed plan's id.", Required = true };
        var blobs = new Option<DirectoryInfo?>("--blobs") { Description = "Where the members' evaluation blobs are (default: your node's blob store)." };
        return Proposing("release", "Propose to release a completed plan's final model, with the evaluation report built from the members' pinned evaluations.", [planId, blobs], async (parse, session) =>
        {
            var id = GovCommand.ParseId(parse.GetValue(planId)!);
            var folder = parse.GetValue(blobs)?.FullName ?? session.Config?.BlobStoreFolder
                ?? throw new ArgumentException("give --config (your node's blob store holds the evaluations) or --blobs DIR");
            var release = await ReleaseCandidate.BuildAsync(session, id, folder, default);
            parse.InvocationConfiguration.Error.WriteLine(release.Describe());
            return Proposals.ReleaseModel(session.Addresses, id, release.ModelHash, release.Report.Hash());
        });
    }

    private static Command Settings()
    {
        var delay = new Option<uint?>("--voting-delay") { Description = "Seconds from a proposal to the opening of its vote." };
        var period = new Option<uint?>("--voting-period") { Description = "Seconds a vote stays open." };
        var quorum = new Option<byte?>("--quorum") { Description = "Percent of all member votes that must vote for (above 50)." };
        var extension = new Option<uint?>("--late-quorum-extension") { Description = "Seconds a vote stays open after a quorum reached late." };
        var timelock = new Option<uint?>("--timelock-delay") { Description = "Seconds a passed proposal waits in the timelock." };
        var budget = new Option<double?>("--default-lifetime-epsilon") { Description = "Each member's lifetime epsilon on datasets without their own budget." };
        var pool = new Option<string?>("--max-reward-pool") { Description = "The largest reward pool a plan may be started with (reward units)." };
        return Proposing("settings", "Propose new governance and plan settings (voting delay and period, quorum, timelock delay, lifetime budget, reward pool cap).",
            [delay, period, quorum, extension, timelock, budget, pool], (parse, session) =>
        {
            var change = new SettingsChange
            {
                VotingDelaySeconds = parse.GetValue(delay),
                VotingPeriodSeconds = parse.GetValue(period),
                QuorumPercent = parse.GetValue(quorum),
                LateQuorumExtensionSeconds = parse.GetValue(extension),
                TimelockDelaySeconds = parse.GetValue(timelock),
                DefaultLifetimeBudgetMicro = parse.GetValue(budget) is { } e ? (ulong)Contracts.Ledger.FixedPoint.ToMicro(e) : null,
                MaxRewardPool = parse.GetValue(pool) is { } p ? System.Numerics.BigInteger.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : null,
            };
            if (change.QuorumPercent is < 51 or > 100) throw new ArgumentException($"--quorum must be 51..100 (a quorum floor above 50 %), got {change.QuorumPercent}");
            if (change is { VotingDelaySeconds: null, VotingPeriodSeconds: null, QuorumPercent: null, LateQuorumExtensionSeconds: null, TimelockDelaySeconds: null, DefaultLifetimeBudgetMicro: null, MaxRewardPool: null }) throw new ArgumentException("give at least one setting to change (--voting-delay, --voting-period, --quorum, ...)");
            return Task.FromResult(Proposals.Settings(session.Addresses, change));
        });
    }

    private static Command Proposing(string name, string description, Option[] options, Func<ParseResult, CallerSession, Task<Proposal>> build)
    {
        var text = new Option<string?>("--description") { Description = "The proposal's description (default: what it does)." };
        var caller = new CallerOptions();
        var command = new Command(name, description);
        foreach (var option in options.Append(text)) command.Options.Add(option);
        caller.AddTo(command);
        command.SetAction((parse, ct) => InputErrors.GuardAsync(parse, async () =>
        {
            using var session = await caller.OpenAsync(parse, needKey: true, ct);
            var proposal = await build(parse, session);
            if (parse.GetValue(text) is { } custom) proposal = proposal with { Description = custom };
            var id = await new GovernanceActions(session.Consortium, TimeProvider.System, new ErrorLines(parse)).ProposeAsync(proposal, ct);
            parse.InvocationConfiguration.Output.WriteLine(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return 0;
        }));
        return command;
    }

    private static string Address(string text, string option) =>
        NodeAddress.TryParse(text, out var address) ? address.ToString() : throw new ArgumentException($"{option}: '{text}' is not an address (0x and 40 hex digits)");
}
