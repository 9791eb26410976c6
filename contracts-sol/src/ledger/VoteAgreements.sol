// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {PlanSchedule} from "./PlanSchedule.sol";
import {PlanState, Participant} from "./LedgerTypes.sol";

/// @title Quorum agreement on a round's aggregate hash and on its score-vector hash.
/// @notice Votes ride on commits (round r votes the aggregate of r - 1 and the scores of
/// r - scoresLag); `voteAggregate` / `voteScores` cover the last rounds and catching up. A hash is
/// agreed once ceil(participants * quorumPercent / 100) participants voted for it. A vote for any
/// other hash emits `Dissent`, so disagreement stays on the record.
/// @dev Tallies live in a ring of recent rounds (2 for aggregates, 3 for scores) packed into the
/// plan's clock slot, which every commit writes anyway: 5 entries of 33 bits (24-bit round tag =
/// round + 1, agreed bit, 8-bit vote count), plus each entry's leading hash. Reusing slots keeps a
/// steady vote at warm-slot prices instead of a fresh 20,000-gas SSTORE (EIP-2200, EIP-2929).
/// Agreed score hashes are copied out of the ring because recording them may come later.
abstract contract VoteAgreements is PlanSchedule {
    uint32 internal constant AGGREGATE_RING = 2;
    uint32 internal constant SCORES_RING = 3;
    uint256 private constant ENTRY_BITS = 33;
    uint256 private constant ENTRY_MASK = (1 << ENTRY_BITS) - 1;
    bytes32 internal constant RECORDED = bytes32(uint256(1));

    mapping(uint256 => bytes32[5]) internal _leading;
    mapping(bytes32 => uint256) internal _otherVotes;
    mapping(uint256 => mapping(uint32 => bytes32)) internal _agreedScores;

    /// @notice Votes on the aggregate (new global model) hash of the previous round, or of the
    /// last round once the plan completed.
    function voteAggregate(uint256 planId, uint32 round, bytes32 aggregateHash) external {
        _standaloneVote(planId, KIND_AGGREGATE, round, aggregateHash);
    }

    /// @notice Votes on the score-vector hash (see `scoresHash`) of one of the last two closed rounds.
    function voteScores(uint256 planId, uint32 round, bytes32 scoresHash_) external {
        _standaloneVote(planId, KIND_SCORES, round, scoresHash_);
    }

    /// @notice The leading hash of a round still in the ring, its votes, and whether it is agreed.
    function tallyOf(uint256 planId, uint8 kind, uint32 round) external view returns (bytes32 leading, uint8 votes, bool agreed) {
        uint256 index = _index(kind, round);
        uint256 entry = _entry(_clock[planId].tallies, index);
        if (entry >> 9 != uint256(round) + 1) return (bytes32(0), 0, false);
        return (_leading[planId][index], uint8(entry), (entry >> 8) & 1 == 1);
    }

    /// @notice The agreed score-vector hash of a round, and whether its scores were recorded.
    function agreedScores(uint256 planId, uint32 round) external view returns (bytes32 hash, bool recorded) {
        hash = _agreedScores[planId][round];
        recorded = hash == RECORDED;
    }

    function _standaloneVote(uint256 planId, uint8 kind, uint32 round, bytes32 hash) private {
        PlanState memory s = _loadState(planId);
        Participant memory p = _participants[planId][msg.sender];
        if (p.status != PARTICIPANT) revert NotParticipant(planId, msg.sender);
        if (hash == bytes32(0)) revert UnexpectedVote(planId, round, kind);
        _vote(planId, s, p, kind, round, hash);
        _participants[planId][msg.sender] = p;
        _store(planId, s, false);
        emit Voted(planId, round, msg.sender, kind, hash);
    }

    /// @dev Counts msg.sender's vote into s.tallies; updates p's vote marker (the caller stores s and p).
    function _vote(uint256 planId, PlanState memory s, Participant memory p, uint8 kind, uint32 round, bytes32 hash) internal {
        uint32 ring = kind == KIND_AGGREGATE ? AGGREGATE_RING : SCORES_RING;
        if (round >= s.currentRound || round + ring <= s.currentRound) revert VoteOutOfWindow(planId, round, kind);
        uint32 tag = round + 1;
        if (kind == KIND_AGGREGATE) {
            if (p.lastAggregateVote >= tag) revert AlreadyVoted(planId, round, msg.sender, kind);
            p.lastAggregateVote = tag;
        } else {
            if (p.lastScoresVote >= tag) revert AlreadyVoted(planId, round, msg.sender, kind);
            p.lastScoresVote = tag;
        }
        _count(planId, s, kind, round, hash);
    }

    function _count(uint256 planId, PlanState memory s, uint8 kind, uint32 round, bytes32 hash) private {
        uint256 index = _index(kind, round);
        uint256 entry = _entry(s.tallies, index);
        uint256 votes;
        bool agreed;
        bytes32 leading;
        if (entry >> 9 == uint256(round) + 1) {
            votes = entry & 0xff;
            agreed = (entry >> 8) & 1 == 1;
            leading = _leading[planId][index];
        } else {
            leading = hash; // the round's first vote claims the ring entry
            _leading[planId][index] = hash;
        }

        uint256 count;
        if (hash == leading) {
            if (agreed) return; // agreement already stands: nothing to count
            count = ++votes;
        } else {
            emit Dissent(planId, round, msg.sender, kind, hash, leading);
            if (agreed) return;
            count = ++_otherVotes[keccak256(abi.encode(planId, kind, round, hash))];
        }

        if (count >= _votesNeeded(s)) {
            agreed = true;
            if (hash != leading) _leading[planId][index] = hash;
            _onAgreed(planId, kind, round, hash, uint16(count));
        }
        entry = ((uint256(round) + 1) << 9) | (agreed ? 1 << 8 : 0) | votes;
        uint256 shift = index * ENTRY_BITS;
        s.tallies = uint168((uint256(s.tallies) & ~(ENTRY_MASK << shift)) | (entry << shift));
    }

    function _isAgreed(uint256 planId, PlanState memory s, uint8 kind, uint32 round, bytes32 hash) internal view returns (bool) {
        uint256 index = _index(kind, round);
        uint256 entry = _entry(s.tallies, index);
        return entry >> 9 == uint256(round) + 1 && (entry >> 8) & 1 == 1 && _leading[planId][index] == hash;
    }

    function _onAgreed(uint256 planId, uint8 kind, uint32 round, bytes32 hash, uint16 votes) private {
        if (kind == KIND_AGGREGATE) {
            emit AggregateFinalised(planId, round, hash, votes);
        } else {
            _agreedScores[planId][round] = hash;
            emit ScoresAgreed(planId, round, hash, votes);
        }
    }

    function _index(uint8 kind, uint32 round) private pure returns (uint256) {
        return kind == KIND_AGGREGATE ? round % AGGREGATE_RING : AGGREGATE_RING + round % SCORES_RING;
    }

    function _entry(uint168 tallies, uint256 index) private pure returns (uint256) {
        return (uint256(tallies) >> (index * ENTRY_BITS)) & ENTRY_MASK;
    }
}
