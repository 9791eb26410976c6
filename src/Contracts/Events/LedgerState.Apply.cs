using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Membership;
using FedChain.Contracts.Rewards;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace FedChain.Contracts.Events;

public sealed partial class LedgerState
{
    private const string ZeroAddress = "0x0000000000000000000000000000000000000000";

    private void ApplyEvent(IEventDTO e)
    {
        switch (e)
        {
            case MembershipEvents.MemberAdmitted m:
                _members[Key(m.Account)] = new MemberInfo(m.Account, (MemberRole)m.Role, m.Name, m.Endpoint);
                break;
            case MembershipEvents.MemberRemoved m:
                _members.Remove(Key(m.Account));
                break;
            case MembershipEvents.EndpointChanged m:
                _members[Key(m.Account)] = _members[Key(m.Account)] with { Endpoint = m.Endpoint };
                break;
            case GovernorEvents.ProposalCreated p:
                _proposals[p.ProposalId] = new ProposalRecord(p);
                break;
            case GovernorEvents.VoteCast v:
                _proposals[v.ProposalId].Votes.Add(v);
                break;
            case GovernorEvents.ProposalQueued q:
                _proposals[q.ProposalId].Eta = (ulong)q.EtaSeconds;
                break;
            case GovernorEvents.ProposalExtended x:
                _proposals[x.ProposalId].ExtendedDeadline = x.ExtendedDeadline;
                break;
            case GovernorEvents.ProposalExecuted x:
                _proposals[x.ProposalId].Executed = true;
                break;
            case GovernorEvents.ProposalCanceled c:
                _proposals[c.ProposalId].Canceled = true;
                break;
            case RewardEvents.Transfer t:
                if (t.From != ZeroAddress) _rewards[Key(t.From)] = _rewards.GetValueOrDefault(Key(t.From)) - t.Value;
                _rewards[Key(t.To)] = _rewards.GetValueOrDefault(Key(t.To)) + t.Value;
                break;
            default:
                ApplyLedgerEvent(e);
                break;
        }
    }

    private void ApplyLedgerEvent(IEventDTO e)
    {
        switch (e)
        {
            case LedgerEvents.PlanStarted s:
                var plan = _plans[s.PlanId] = new PlanRecord(s.PlanId)
                {
                    PlanHash = s.PlanHash,
                    TotalRounds = s.Rounds,
                    CommitWindow = s.CommitWindow,
                    EnrolmentDeadline = s.EnrolmentDeadline,
                };
                foreach (var a in s.Invited) plan.Invited.Add(Key(a));
                break;
            case LedgerEvents.PlanTerms t:
                _plans[t.PlanId].Terms = t;
                break;
            case LedgerEvents.PlanLimits l:
                _plans[l.PlanId].Limits = l;
                break;
            case LedgerEvents.OptedIn o:
                _plans[o.PlanId].Participants.Add(Key(o.Member));
                _plans[o.PlanId].Indexes[Key(o.Member)] = o.Index;
                break;
            case LedgerEvents.ParticipantDropped d:
                _plans[d.PlanId].Participants.Remove(Key(d.Member));
                _plans[d.PlanId].Invited.Remove(Key(d.Member));
                break;
            case LedgerEvents.RoundOpened r:
                var opened = _plans[r.PlanId];
                opened.Status = PlanStatus.Running;
                opened.CurrentRound = r.Round;
                opened.Round(r.Round).OpenedAt = r.OpenedAt;
                opened.Round(r.Round).Deadline = r.Deadline;
                break;
            case LedgerEvents.RoundClosed c:
                var closed = _plans[c.PlanId].Round(c.Round);
                closed.Closed = true;
                closed.ClosedEarly = c.Early;
                break;
            case LedgerEvents.ArrivalsClosed a:
                _plans[a.PlanId].Round(a.Round).Arrivals.AddRange(a.Arrivals.Select(Key));
                break;
            case LedgerEvents.PlanCompleted done:
                _plans[done.PlanId].Status = PlanStatus.Completed;
                _plans[done.PlanId].CurrentRound = _plans[done.PlanId].TotalRounds;
                break;
            case LedgerEvents.PlanCancelled cancelled:
                _plans[cancelled.PlanId].Status = PlanStatus.Cancelled;
                break;
            case LedgerEvents.Committed c:
                ApplyCommit(c);
                break;
            case LedgerEvents.Pinned p:
                _plans[p.PlanId].Round(p.Round).ReportPins.TryAdd(Key(p.Member), p.Hash);
                break;
            case LedgerEvents.ExclusionVoted x:
                _plans[x.PlanId].Round(x.Round).ExclusionBallots.Add(x);
                break;
            case LedgerEvents.AggregatorNamed n:
                _plans[n.PlanId].Round(n.Round).AggregatorFindings.Add(n);
                break;
            case LedgerEvents.BlobExcluded x:
                _plans[x.PlanId].Round(x.Round).Excluded.Add(Key(x.Member));
                break;
            case LedgerEvents.PlanSettled settled:
                _plans[settled.PlanId].Settled = settled.Minted;
                break;
            case LedgerEvents.Voted v:
                var kind = (AgreementKind)v.Kind;
                var vote = new VoteRecord(Key(v.Voter), kind, v.Round, v.Hash);
                if (kind == AgreementKind.Result) _plans[v.PlanId].ResultVotes.Add(vote);
                else Votes(_plans[v.PlanId].Round(v.Round), kind).Add(vote);
                break;
            case LedgerEvents.ResultAgreed r:
                _plans[r.PlanId].AgreedResult = r;
                break;
            case LedgerEvents.AggregateFinalised f:
                _plans[f.PlanId].Round(f.Round).FinalAggregate = f.AggregateHash;
                break;
            case LedgerEvents.ScoresAgreed a:
                _plans[a.PlanId].Round(a.Round).AgreedScores = a.ScoresHash;
                break;
            case LedgerEvents.Dissent d:
                _plans[d.PlanId].Round(d.Round).Dissents.Add(d);
                break;
            case LedgerEvents.ScoresRecorded r:
                foreach (var row in r.Rows()) _plans[r.PlanId].Round(row.Round).RecordedScores = row;
                break;
            case LedgerEvents.EvaluationPinned pin:
                _plans[pin.PlanId].Evaluations[Key(pin.Member)] = pin.BlobHash;
                break;
            case LedgerEvents.ModelReleased m:
                _plans[m.PlanId].ReleasedModel = m.ModelHash;
                _plans[m.PlanId].EvaluationReport = m.EvaluationReportHash;
                break;
            case LedgerEvents.LifetimeBudgetSet b:
                _lifetimeBudgets[Convert.ToHexStringLower(b.Dataset)] = b.Budget;
                break;
            case LedgerEvents.DefaultLifetimeBudgetSet b:
                DefaultLifetimeBudget = b.Budget;
                break;
            case LedgerEvents.MaxRewardPoolSet m:
                MaxRewardPool = m.MaxRewardPool;
                break;
        }
    }

    private void ApplyCommit(LedgerEvents.Committed c)
    {
        var plan = _plans[c.PlanId];
        var member = Key(c.Member);
        plan.Round(c.Round).Commitments.Add(c);
        plan.EpsilonSpent[member] = plan.EpsilonSpent.GetValueOrDefault(member) + c.EpsilonSpent;
        if (plan.Limits is { } limits && c.EpsilonSpent > 0)
            _lifetimeSpent[LifetimeKey(member, limits.SchemaHash)] = _lifetimeSpent.GetValueOrDefault(LifetimeKey(member, limits.SchemaHash)) + c.EpsilonSpent;
        if (!IsZero(c.PinnedHash))
        {
            if (c.Round == 0) plan.SecureAggregationPins.TryAdd(member, c.PinnedHash);
            else plan.Round(c.Round - 1).ReportPins.TryAdd(member, c.PinnedHash);
        }

        if (!IsZero(c.AggregateVote))
            plan.Round(c.Round - 1).AggregateVotes.Add(new VoteRecord(member, AgreementKind.Aggregate, c.Round - 1, c.AggregateVote));
        if (!IsZero(c.ScoresVote))
        {
            var lag = plan.Terms?.ScoresLag ?? throw new InvalidOperationException($"plan {c.PlanId}: commit before its terms");
            plan.Round(c.Round - lag).ScoresVotes.Add(new VoteRecord(member, AgreementKind.Scores, c.Round - lag, c.ScoresVote));
        }
    }

    private static List<VoteRecord> Votes(RoundRecord round, AgreementKind kind) =>
        kind == AgreementKind.Aggregate ? round.AggregateVotes : round.ScoresVotes;

    private static bool IsZero(byte[] hash) => hash.All(b => b == 0);
}
