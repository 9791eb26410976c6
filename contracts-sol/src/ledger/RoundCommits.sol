// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {VoteAgreements} from "./VoteAgreements.sol";
import {PlanState, Participant} from "./LedgerTypes.sol";

/// @title Commits: one transaction per member per round in steady state.
/// @notice A commit records the member's update blob hash and sample count (the chain decides the
/// participant set: only committed blobs are aggregated), charges the round's privacy spend against
/// the member's budget, and carries its votes on the previous round's aggregate and on an earlier
/// round's score vector.
abstract contract RoundCommits is VoteAgreements {
    /// @param aggregateVote hash of round - 1's aggregate; zero in round 0 (or to abstain)
    /// @param scoresVote score-vector hash of round - scoresLag; zero before that round exists (or to abstain)
    function commit(
        uint256 planId,
        uint32 round,
        bytes32 blobHash,
        uint64 sampleCount,
        uint64 epsilonSpent,
        bytes32 aggregateVote,
        bytes32 scoresVote
    ) external {
        PlanState memory s = _openRoundFor(planId, round);
        Participant memory p = _participants[planId][msg.sender];
        if (p.status != PARTICIPANT) revert NotParticipant(planId, msg.sender);
        if (p.lastCommit == round + 1) revert AlreadyCommitted(planId, round, msg.sender);
        uint256 spent = uint256(p.epsilonSpent) + epsilonSpent;
        if (spent > s.epsilonBudget) revert PrivacyBudgetExceeded(planId, msg.sender, spent, s.epsilonBudget);
        p.epsilonSpent = uint64(spent);
        p.lastCommit = round + 1;

        if (aggregateVote != bytes32(0)) {
            if (round == 0) revert UnexpectedVote(planId, round, KIND_AGGREGATE);
            _vote(planId, s, p, KIND_AGGREGATE, round - 1, aggregateVote);
        }
        if (scoresVote != bytes32(0)) {
            if (round < s.scoresLag) revert UnexpectedVote(planId, round, KIND_SCORES);
            _vote(planId, s, p, KIND_SCORES, round - s.scoresLag, scoresVote);
        }
        emit Committed(planId, round, msg.sender, blobHash, sampleCount, epsilonSpent, aggregateVote, scoresVote);

        _participants[planId][msg.sender] = p;
        s.committed += 1;
        if (s.committed == s.participants) _closeRound(planId, s, true);
        _store(planId, s, false);
    }

    /// @dev The plan state with `round` open for commits: the current round before its deadline, or
    /// the next one, opened here when the current round's deadline has passed.
    function _openRoundFor(uint256 planId, uint32 round) private returns (PlanState memory s) {
        s = _loadState(planId);
        if (s.status != STATUS_RUNNING) revert PlanNotRunning(planId, s.status);
        bool expired = _now() >= _deadline(s);
        if (round == s.currentRound) {
            if (expired) revert CommitAfterDeadline(planId, round, _deadline(s));
        } else if (round == s.currentRound + 1 && expired) {
            _closeRound(planId, s, false);
            if (s.status != STATUS_RUNNING) revert PlanNotRunning(planId, s.status);
        } else {
            revert WrongRound(planId, round, s.currentRound);
        }
    }
}
