// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ModelReleases} from "./ModelReleases.sol";
import {PlanState} from "./LedgerTypes.sol";

/// @title Analysis plans: a quorum of equal result hashes closes the plan, early when its analyses finished early.
/// @notice An analysis plan (PlanParams.kind = 1) runs rounds as a training plan does: each member commits
/// the hash of its blob of statistics (whose length the public state fixes, round by round: the ledger
/// pins the bytes, the nodes check the length), votes the previous round's sum on its next commit, and
/// every member derives the same next state from the same sum. Iterative fits stop when they converge,
/// so `rounds` is a maximum. Once the analyses finished after round r, each participant votes the hash
/// of the released results, `voteResult(planId, r, hash)`: max(2, ceil(live participants * quorumPercent
/// / 100)) equal votes agree it (`ResultAgreed`) and, if the plan is still running, complete it at once:
/// the open round closes and no later round opens. A vote for another hash is kept as `Dissent`.
/// An analysis plan is charged its epsilon once, on each member's first data-round commit (RoundCommits).
/// @dev One vote per (plan, member): its tally key is stored, so a removal can take back a vote on an open tally.
abstract contract AnalysisResults is ModelReleases {
    struct AgreedResult {
        bytes32 hash; // the first hash voted until one is agreed; then the agreed one
        uint32 round;
        bool agreed;
    }

    mapping(uint256 => AgreedResult) internal _results;
    mapping(uint256 => mapping(address => bytes32)) internal _resultVoteOf; // member => keccak(plan, round, hash) it voted
    mapping(bytes32 => uint256) internal _resultVotes; // keccak(plan, round, hash) => votes

    /// @dev msg.sender's vote on the results computed after the closed round `round`.
    function _voteResult(uint256 planId, uint32 round, bytes32 hash) internal {
        (PlanState memory s, bool dirty) = _loadLive(planId);
        if (s.kind != PLAN_ANALYSIS) revert NotAnAnalysis(planId);
        if (s.status != STATUS_RUNNING && s.status != STATUS_COMPLETED) revert PlanNotActive(planId, s.status);
        if (hash == bytes32(0)) revert ZeroHash("resultHash");
        if (round >= s.currentRound) revert VoteOutOfWindow(planId, round, KIND_RESULT);
        if (_resultVoteOf[planId][msg.sender] != bytes32(0)) revert AlreadyVoted(planId, round, msg.sender, KIND_RESULT);

        bytes32 key = keccak256(abi.encode(planId, round, hash));
        _resultVoteOf[planId][msg.sender] = key;
        emit Voted(planId, round, msg.sender, KIND_RESULT, hash);
        AgreedResult memory r = _results[planId];
        if (r.hash == bytes32(0)) {
            r.hash = hash;
            r.round = round;
        } else if (r.hash != hash || r.round != round) {
            emit Dissent(planId, round, msg.sender, KIND_RESULT, hash, r.hash);
        }

        if (!r.agreed) {
            uint256 votes = ++_resultVotes[key];
            if (votes >= _votesNeeded(s)) {
                (r.hash, r.round, r.agreed) = (hash, round, true);
                emit ResultAgreed(planId, round, hash, uint16(votes));
                if (s.status == STATUS_RUNNING) _closeEarly(planId, s);
                dirty = true;
            }
            _results[planId] = r;
        }
        if (dirty) _store(planId, s, true);
    }

    /// @dev Takes a removed participant's vote out of a result tally that is still open.
    function _undoResultVote(uint256 planId, PlanState memory s, address account) internal {
        if (s.kind != PLAN_ANALYSIS) return;
        bytes32 key = _resultVoteOf[planId][account];
        if (key == bytes32(0) || _results[planId].agreed) return;
        _resultVotes[key] -= 1;
    }

    /// @dev The analyses finished before the schedule did: the open round closes and the plan completes.
    function _closeEarly(uint256 planId, PlanState memory s) private {
        emit RoundClosed(planId, s.currentRound, s.committedTotal, true);
        s.status = STATUS_COMPLETED;
        s.roundOpenedAt = _now(); // from now on: when the plan completed (the settlement window)
        s.committedLive = 0;
        s.committedTotal = 0;
        emit PlanCompleted(planId);
    }
}
