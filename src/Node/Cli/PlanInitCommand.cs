using System.CommandLine;
using FedChain.Learning.Aggregation;
using FedChain.Learning.Contribution;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Training;

namespace FedChain.Node.Cli;

/// <summary>`fedchain plan init`: a plan document from a dataset's schema and options, in canonical form.</summary>
internal static class PlanInitCommand
{
    public static Command Build()
    {
        var schema = new Option<FileInfo>("--schema") { Description = "The consortium's dataset schema (schema.json).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the plan (canonical JSON: its SHA-256 is the plan hash).", Required = true };
        var strategy = KebabEnum.Option<ServerRuleKind>("--strategy", "Server rule; default fed-avg");
        var model = KebabEnum.Option<ModelKind>("--model", "Model family; default logistic-regression (binary) or linear-cox (survival)");
        var hidden = new Option<int[]>("--hidden") { Description = "MLP hidden widths, e.g. --hidden 16 16", AllowMultipleArgumentsPerToken = true };
        var rounds = new Option<int>("--rounds") { Description = "Training rounds.", DefaultValueFactory = _ => 10 };
        var localSteps = new Option<int>("--local-steps") { Description = "Local mini-batch steps per round.", DefaultValueFactory = _ => 100 };
        var batch = new Option<int>("--batch-size") { Description = "Rows per local step (0: full batch).", DefaultValueFactory = _ => 4 };
        var clientLr = new Option<double>("--client-lr") { Description = "Local learning rate.", DefaultValueFactory = _ => 0.01 };
        var serverLr = new Option<double>("--server-lr") { Description = "Server learning rate.", DefaultValueFactory = _ => 1 };
        var optimizer = KebabEnum.Option<ClientOptimizer>("--optimizer", "Local optimiser; default sgd");
        var normalisation = KebabEnum.Option<Normalisation>("--normalisation", "Feature scaling; default federated");
        var seed = new Option<long>("--seed") { Description = "The plan seed.", DefaultValueFactory = _ => 42 };
        var privacy = new SimulatePrivacyOptions();
        var declare = new Option<string[]>("--declare") { Description = "With DP: each member's declared record count, SITE=ROWS (its train rows).", AllowMultipleArgumentsPerToken = true };
        var secure = new Option<bool>("--secure-aggregation") { Description = "Mask updates with secure aggregation (members see only the sum)." };
        var threshold = new Option<int?>("--threshold") { Description = "Secure aggregation: share holders needed to unmask (default: a majority of --members)." };
        var members = new Option<int>("--members") { Description = "How many members the plan is written for (secure-aggregation threshold, cost).", DefaultValueFactory = _ => 4 };
        var contribution = KebabEnum.Option<ContributionMethod>("--contribution", "Score contributions with this method (default: none)");
        var commitWindow = new Option<uint>("--commit-window") { Description = "Seconds a round waits for commits.", DefaultValueFactory = _ => ChainTerms.Default.CommitWindowSeconds };
        var enrolment = new Option<uint>("--enrolment-window") { Description = "Seconds invited members have to opt in.", DefaultValueFactory = _ => ChainTerms.Default.EnrolmentWindowSeconds };
        var quorum = new Option<int>("--quorum") { Description = "Percent of participants that agree an aggregate (51..100).", DefaultValueFactory = _ => ChainTerms.Default.QuorumPercent };
        var lag = new Option<int>("--scores-lag") { Description = "Rounds between a round and its score vote (1 or 2).", DefaultValueFactory = _ => ChainTerms.Default.ScoresLag };
        var reward = new Option<long>("--reward-pool") { Description = "Reward units the plan may mint in all, shared by net contribution (with --contribution).", DefaultValueFactory = _ => 10_000_000_000 };
        var minParticipants = new Option<int>("--min-participants") { Description = "Fewer participants than this when enrolment ends cancel the plan.", DefaultValueFactory = _ => ChainTerms.Default.MinParticipants };
        var maxSamples = new Option<long>("--max-samples") { Description = "The most samples a member may commit in a round.", DefaultValueFactory = _ => ChainTerms.Default.MaxSamplesPerMember };
        var command = new Command("init", "Write a plan document from a dataset schema and options: strategy, model, rounds, local steps, privacy, secure aggregation, contribution, chain deadlines.")
        {
            schema, output, strategy, model, hidden, rounds, localSteps, batch, clientLr, serverLr, optimizer, normalisation, seed,
            declare, secure, threshold, members, contribution, commitWindow, enrolment, quorum, lag, reward, minParticipants, maxSamples,
        };
        foreach (var option in privacy.All) command.Options.Add(option);
        command.SetAction(parse => InputErrors.Guard(parse, () =>
        {
            var dataset = DatasetSchema.Load(parse.GetValue(schema)!.FullName);
            var survival = dataset.Task.Kind == TaskKind.Survival;
            var kind = parse.GetValue(model) ?? (survival ? ModelKind.LinearCox : ModelKind.LogisticRegression);
            var memberCount = parse.GetValue(members);
            var client = new LocalTrainingOptions(parse.GetValue(optimizer) ?? ClientOptimizer.Sgd, parse.GetValue(clientLr), parse.GetValue(localSteps), BatchSize: parse.GetValue(batch));
            var dp = privacy.Read(parse);
            if (dp is not null)
            {
                if (dp.SampleRate is null && dp.ExpectedBatchSize is null) dp = dp with { ExpectedBatchSize = client.BatchSize > 0 ? client.BatchSize : throw new ArgumentException("with full-batch training give --dp-batch-size or --dp-sample-rate") };
                dp = dp.Declaring(Declared(parse.GetValue(declare)));
            }
            else if (parse.GetValue(declare) is { Length: > 0 }) throw new ArgumentException("--declare needs --dp-epsilon: declared counts are DP-SGD's record counts");

            var plan = new TrainingPlan(
                TrainingPlan.CurrentFormatVersion, dataset, parse.GetValue(normalisation) ?? Normalisation.Federated,
                new ModelSpec(kind, kind == ModelKind.Mlp ? parse.GetValue(hidden) is { Length: > 0 } h ? h : [16] : null),
                client, new ServerSettings(parse.GetValue(strategy) ?? ServerRuleKind.FedAvg, parse.GetValue(serverLr)),
                parse.GetValue(rounds), parse.GetValue(seed), new QuantisationSettings(),
                dp,
                parse.GetValue(secure) ? new SecureAggregationSettings(true, parse.GetValue(threshold) ?? memberCount / 2 + 1) : null,
                parse.GetValue(contribution) is { } method ? new ContributionSettings(method, ContributionSettings.DefaultMetric(dataset.Task.Kind)) : null,
                Chain: new ChainTerms(parse.GetValue(commitWindow), parse.GetValue(enrolment), parse.GetValue(quorum), parse.GetValue(lag),
                    parse.GetValue(contribution) is null ? 0 : parse.GetValue(reward), parse.GetValue(minParticipants), parse.GetValue(maxSamples))).Validate();
            var file = parse.GetValue(output)!;
            Directory.CreateDirectory(file.DirectoryName!);
            File.WriteAllBytes(file.FullName, plan.CanonicalBytes());
            parse.InvocationConfiguration.Output.WriteLine(plan.Hash);
            parse.InvocationConfiguration.Error.WriteLine($"wrote {file.FullName}; `fedchain plan check {file.Name}` says what it costs");
            return 0;
        }));
        return command;
    }

    private static IEnumerable<(string, long)> Declared(string[]? entries)
    {
        if (entries is not { Length: > 0 }) throw new ArgumentException("with --dp-epsilon, declare each member's record count: --declare SITE=ROWS ...");
        foreach (var entry in entries)
        {
            var parts = entry.Split('=');
            if (parts.Length != 2 || parts[0].Length == 0 || !long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rows) || rows <= 0)
                throw new ArgumentException($"--declare '{entry}': expected SITE=ROWS with ROWS a positive whole number");
            yield return (parts[0], rows);
        }
    }
}
