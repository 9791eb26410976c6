// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {VoteAgreements} from "./VoteAgreements.sol";
import {PlanState, Participant} from "./LedgerTypes.sol";

/// @title Data availability: a committed blob that a quorum does not hold is voted out of its round.
/// @notice After round r closes, members have `availabilityWindow` seconds to fetch its blobs. From
/// then until round r + 1 closes (for the last round: from then on, until its scores are recorded)
/// each participant may cast one exclusion ballot for round r: a bitmap over participant indexes
/// (OptedIn.index) of the round-r blobs it does not hold. The ballot rides on its round r + 1 commit
/// (`commit`'s `missing`) or, when it sends none, on `voteExclusion`. A (round, member) pair that
/// reaches the plan's quorum of ballots is excluded (`BlobExcluded`): the round's set is its
/// committers less its excluded members, for the aggregate, the scores and the audit alike.
/// @dev A ballot is stored once per (plan, round, voter), so a removed voter's still-open ballot is undone.
abstract contract Availability is VoteAgreements {
    uint256 private constant EXCLUDED = 1 << 255;

    mapping(bytes32 => uint256) internal _ballots; // keccak(plan, round, voter) => bitmap of missing blobs
    mapping(bytes32 => uint256) internal _exclusionVotes; // keccak(plan, round, member) => votes, | EXCLUDED once agreed

    /// @dev A participant's exclusion ballot for a closed round, outside a commit.
    function _standaloneExclusion(uint256 planId, uint32 round, uint256 missing) internal {
        (PlanState memory s, bool dirty) = _loadLive(planId);
        Participant memory p = _participants[planId][msg.sender];
        if (missing == 0) revert UnexpectedVote(planId, round, KIND_EXCLUSION);
        _voteExclusion(planId, s, p, round, missing);
        if (dirty) _storeSettings(planId, s);
    }

    /// @dev Ballots against `member`'s round blob so far, and whether it was excluded.
    function _exclusionOf(uint256 planId, uint32 round, address member) internal view returns (uint16 votes, bool excluded) {
        uint256 v = _exclusionVotes[keccak256(abi.encode(planId, round, member))];
        return (uint16(v), v & EXCLUDED != 0);
    }

    function _voteExclusion(uint256 planId, PlanState memory s, Participant memory voter, uint32 round, uint256 missing) internal {
        if (round + 1 != s.currentRound || (s.status != STATUS_RUNNING && s.status != STATUS_COMPLETED)) {
            revert VoteOutOfWindow(planId, round, KIND_EXCLUSION);
        }
        // the round closed when the current one opened (or, for the last, when the plan completed)
        uint40 notBefore = s.roundOpenedAt + _config[planId].availabilityWindow;
        if (_now() < notBefore) revert ExclusionTooEarly(planId, round, notBefore);
        if (_agreedScores[planId][round] == RECORDED) revert ScoresAlreadyRecorded(planId, round);
        if (missing >> voter.index & 1 == 1) revert OwnBlob(planId, round, msg.sender);
        bytes32 key = keccak256(abi.encode(planId, round, msg.sender));
        if (_ballots[key] != 0) revert AlreadyVoted(planId, round, msg.sender, KIND_EXCLUSION);
        _ballots[key] = missing;
        emit ExclusionVoted(planId, round, msg.sender, missing);

        address[] storage opted = _optedIn[planId];
        uint256 needed = _votesNeeded(s);
        for (uint256 i = 0; missing >> i != 0; i++) {
            if (missing >> i & 1 == 0) continue;
            address member = i < opted.length ? opted[i] : address(0);
            if (member == address(0) || !_committedIn(_participants[planId][member], round)) revert NotACommitter(planId, round, member);
            bytes32 votesKey = keccak256(abi.encode(planId, round, member));
            uint256 v = _exclusionVotes[votesKey];
            if (v & EXCLUDED != 0) continue;
            v += 1;
            if (v >= needed) {
                v |= EXCLUDED;
                _exclude(planId, round, member, uint16(v));
            }
            _exclusionVotes[votesKey] = v;
        }
    }

    /// @dev Takes the blob out of the round: no longer a committer for scores, one fewer in the committer ring.
    function _exclude(uint256 planId, uint32 round, address member, uint16 votes) private {
        Participant storage m = _participants[planId][member];
        m.history &= ~uint32(1 << (m.lastCommit - 1 - round));
        uint256 shift = (uint256(round) % RECORD_WINDOW) * 8;
        _roundCommitters[planId] -= 1 << shift;
        emit BlobExcluded(planId, round, member, votes);
    }

    /// @dev A removed participant's ballot on the round still open for exclusion stops counting.
    function _undoBallot(uint256 planId, PlanState memory s, address account) internal {
        if (s.currentRound == 0) return;
        uint32 round = s.currentRound - 1;
        uint256 missing = _ballots[keccak256(abi.encode(planId, round, account))];
        address[] storage opted = _optedIn[planId];
        for (uint256 i = 0; missing >> i != 0; i++) {
            if (missing >> i & 1 == 0) continue;
            bytes32 votesKey = keccak256(abi.encode(planId, round, opted[i]));
            if (_exclusionVotes[votesKey] & EXCLUDED == 0) _exclusionVotes[votesKey] -= 1;
        }
    }

    /// @dev Whether the participant committed `round` and its blob was not excluded (within RECORD_WINDOW rounds of its last commit).
    function _committedIn(Participant memory p, uint32 round) internal pure returns (bool) {
        if (p.lastCommit == 0 || round >= p.lastCommit) return false;
        uint256 k = uint256(p.lastCommit) - 1 - round;
        return k < RECORD_WINDOW && (p.history >> k) & 1 == 1;
    }
}
