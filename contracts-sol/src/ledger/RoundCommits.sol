// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Availability} from "./Availability.sol";
import {PlanState, Participant, LedgerGlobals} from "./LedgerTypes.sol";

/// @title Commits: one transaction per member per round in steady state.
/// @notice A commit records the member's update blob hash and sample count (the chain decides the
/// participant set: only committed blobs are aggregated), charges the plan's epsilonPerRound in a
/// training round whatever the member says (against its plan budget and its lifetime budget on the
/// dataset), and carries its votes: on the previous round's aggregate, on an earlier round's score
/// vector, and its exclusion ballot for the previous round. It also pins one blob the protocol
/// relies on (`pinnedHash`, see `commit`).
abstract contract RoundCommits is Availability {
    /// @param blobHash SHA-256 of the member's update blob for this round (non-zero)
    /// @param sampleCount samples behind the update: 1..the member's maxSamples in the plan
    /// @param aggregateVote hash of round - 1's aggregate; zero in round 0 (or to abstain)
    /// @param scoresVote score-vector hash of round - scoresLag; zero before that round exists (or to abstain)
    /// @param pinnedHash a blob the protocol relies on, named on-chain so every node and the auditor use
    /// the same one: in round 0, SHA-256(keys blob id || shares blob id) of the member's secure-aggregation
    /// blobs; in round r >= 1, the blob id of its utility report for round r - 1; zero when it has none
    /// @param missing exclusion ballot for round - 1: bit i set = the blob of participant index i is not held
    function _commit(
        uint256 planId,
        uint32 round,
        bytes32 blobHash,
        uint64 sampleCount,
        bytes32 aggregateVote,
        bytes32 scoresVote,
        bytes32 pinnedHash,
        uint256 missing
    ) internal {
        (PlanState memory s, bool dirty, uint32 budgetEpoch) = _openRoundFor(planId, round);
        if (blobHash == bytes32(0)) revert ZeroHash("blobHash");
        (Participant memory p, uint64 charged) = _admit(planId, s, round, sampleCount, budgetEpoch);
        _castVotes(planId, s, p, round, aggregateVote, scoresVote, missing);
        emit Committed(planId, round, msg.sender, blobHash, sampleCount, charged, aggregateVote, scoresVote, pinnedHash);
        _count(planId, s, p, dirty);
    }

    /// @dev Stores the committer's record and counts its commit; the one that completes the round closes
    /// it. In an asynchronous plan's arrival window, the K-th commit completes it (FedBuff's buffer of K).
    function _count(uint256 planId, PlanState memory s, Participant memory p, bool dirty) private {
        _participants[planId][msg.sender].store(p);
        s.committedLive += 1;
        s.committedTotal += 1;
        bool window = _isArrivalWindow(s);
        if (window) _arrivals[planId].push(msg.sender);
        if (s.committedLive == s.participants || (window && s.committedTotal == s.bufferSize)) _closeRound(planId, s, true);
        _store(planId, s, dirty || s.status != STATUS_RUNNING);
    }

    /// @dev Pins a blob for a closed round when no commit carries it: e.g. the utility report of the
    /// last round, or of a round before one this member could not commit. The first pin per (member,
    /// round) is the one nodes and the auditor use, whether from a commit or from here.
    function _pin(uint256 planId, uint32 round, bytes32 hash) internal {
        (PlanState memory s, bool dirty) = _loadLive(planId);
        if (hash == bytes32(0)) revert ZeroHash("hash");
        if (round >= s.currentRound) revert WrongRound(planId, round, s.currentRound);
        emit Pinned(planId, round, msg.sender, hash);
        if (dirty) _store(planId, s, true);
    }

    /// @dev msg.sender's participant record with this commit applied (checks, privacy charge, history), and the charge.
    function _admit(uint256 planId, PlanState memory s, uint32 round, uint64 sampleCount, uint32 budgetEpoch)
        private
        returns (Participant memory p, uint64 charged)
    {
        p = _participants[planId][msg.sender].load();
        if (p.status != PARTICIPANT) revert NotParticipant(planId, msg.sender);
        if (sampleCount == 0 || sampleCount > p.maxSamples) revert SampleCountOutOfRange(planId, msg.sender, sampleCount, p.maxSamples);
        if (p.lastCommit == round + 1) revert AlreadyCommitted(planId, round, msg.sender);
        charged = _charge(planId, s, p, round, budgetEpoch);
        uint256 gap = p.lastCommit == 0 ? RECORD_WINDOW : round + 1 - p.lastCommit;
        p.history = gap >= RECORD_WINDOW ? 1 : (p.history << uint32(gap)) | 1;
        p.lastCommit = uint24(round + 1);
    }

    /// @dev The votes a commit carries: round - 1's aggregate, round - scoresLag's scores, round - 1's exclusion ballot.
    function _castVotes(uint256 planId, PlanState memory s, Participant memory p, uint32 round, bytes32 aggregateVote, bytes32 scoresVote, uint256 missing)
        private
    {
        if (aggregateVote != bytes32(0)) {
            if (round == 0) revert UnexpectedVote(planId, round, KIND_AGGREGATE);
            _vote(planId, s, p, KIND_AGGREGATE, round - 1, aggregateVote);
        }
        if (scoresVote != bytes32(0)) {
            if (round < s.scoresLag) revert UnexpectedVote(planId, round, KIND_SCORES);
            _vote(planId, s, p, KIND_SCORES, round - s.scoresLag, scoresVote);
        }
        if (missing != 0) {
            if (round == 0) revert UnexpectedVote(planId, round, KIND_EXCLUSION);
            _voteExclusion(planId, s, p, round - 1, missing);
        }
    }

    /// @dev The privacy charge of a commit: epsilonPerRound in a training round, 0 in a setup round. An
    /// analysis plan releases DP statistics only in its first data round, so only that commit is charged.
    function _charge(uint256 planId, PlanState memory s, Participant memory p, uint32 round, uint32 budgetEpoch)
        private
        returns (uint64)
    {
        if (round < s.setupRounds || s.epsilonPerRound == 0) return 0;
        if (s.kind == PLAN_ANALYSIS && round != s.setupRounds) return 0;
        if (p.charged >= s.chargeLimit) {
            revert PrivacyBudgetExceeded(planId, msg.sender, (uint256(p.charged) + 1) * s.epsilonPerRound, uint64(s.chargeLimit) * s.epsilonPerRound);
        }
        p.charged += 1;
        _chargeLifetime(msg.sender, s.datasetId, s.epsilonPerRound, budgetEpoch);
        return s.epsilonPerRound;
    }

    /// @dev The plan state with `round` open for commits: the current round before its deadline, or
    /// the next one, opened here when the current round's deadline has passed.
    function _openRoundFor(uint256 planId, uint32 round) private returns (PlanState memory s, bool dirty, uint32 budgetEpoch) {
        LedgerGlobals memory g = _globals.load();
        budgetEpoch = g.budgetEpoch;
        s = _loadState(planId);
        dirty = _sync(planId, s, g.removalCount);
        if (s.status != STATUS_RUNNING) revert PlanNotRunning(planId, s.status);
        bool expired = _now() >= _deadline(s);
        if (round == s.currentRound) {
            if (expired) revert CommitAfterDeadline(planId, round, _deadline(s));
        } else if (round == uint256(s.currentRound) + 1 && expired) {
            _closeRound(planId, s, false);
            if (s.status != STATUS_RUNNING) revert PlanNotRunning(planId, s.status);
        } else {
            revert WrongRound(planId, round, s.currentRound);
        }
    }
}
