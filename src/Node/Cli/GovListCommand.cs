using System.CommandLine;
using System.Text.Json;
using FedChain.Node.Agent;
using FedChain.Node.Governance;

namespace FedChain.Node.Cli;

/// <summary>`fedchain gov list` and `fedchain gov show ID`: proposals in words (or --json as data).</summary>
internal static class GovListCommand
{
    private static readonly JsonSerializerOptions Json = new(StatusReporter.Json) { WriteIndented = true };

    public static Command BuildList()
    {
        var json = new Option<bool>("--json") { Description = "Print the proposals as JSON." };
        var caller = new CallerOptions();
        var command = new Command("list", "List every proposal: what it does, its state, its votes against the quorum, and what can be done next.") { json };
        caller.AddTo(command);
        command.SetAction((parse, ct) => InputErrors.GuardAsync(parse, async () =>
        {
            using var session = await caller.OpenAsync(parse, needKey: false, ct);
            var views = await new GovernanceActions(session.Consortium, TimeProvider.System).ListAsync(ct);
            if (parse.GetValue(json)) parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(views, Json));
            else if (views.Count == 0) parse.InvocationConfiguration.Output.WriteLine("no proposals yet");
            else foreach (var view in views) parse.InvocationConfiguration.Output.WriteLine(ProposalText.Summary(view));
            return 0;
        }));
        return command;
    }

    public static Command BuildShow()
    {
        var id = GovCommand.ProposalId();
        var json = new Option<bool>("--json") { Description = "Print the proposal as JSON." };
        var caller = new CallerOptions();
        var command = new Command("show", "Describe one proposal in words: what executing it changes, the votes so far, the quorum, its deadlines.") { id, json };
        caller.AddTo(command);
        command.SetAction((parse, ct) => InputErrors.GuardAsync(parse, async () =>
        {
            var proposal = GovCommand.ParseId(parse.GetValue(id)!);
            using var session = await caller.OpenAsync(parse, needKey: false, ct);
            var view = await new GovernanceActions(session.Consortium, TimeProvider.System).ShowAsync(proposal, ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(view, Json));
                return 0;
            }

            output.WriteLine(ProposalText.Full(view));
            foreach (var line in await ProposalReview.LinesAsync(view, session, ct)) output.WriteLine(line);
            return 0;
        }));
        return command;
    }
}
